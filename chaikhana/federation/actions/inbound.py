"""What an activity from another server does here, once inbox.verify_post has vouched for it.

Each handler checks what the activity points at before writing: an object of another host
than its actor's, a post that is not public on a federating blog, or anything we do not
know, is accepted (202) and ignored, and nothing is stored. Replies become comments through
comments' own action, under the blog's policy: held, spam-checked, moderated in one queue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import Resolver404, resolve

from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.signals import post_reactions_changed
from chaikhana.comments.actions.posting import CommentInput, post_comment
from chaikhana.comments.actions.remote import edit_remote_comment, withdraw_remote_comment
from chaikhana.core.errors import ActionError
from chaikhana.core.markup import html_to_text, sanitize_html
from chaikhana.core.ratelimit import address_hash
from chaikhana.federation import remote
from chaikhana.federation.actions.outbound import queue
from chaikhana.federation.actions.sections import follow_section, unfollow_sections
from chaikhana.federation.actors import CONTEXT, Gone, actor_blog, actor_id, domain
from chaikhana.federation.models import (
    BlockedActor,
    BlogFederation,
    Follower,
    InstancePolicy,
    Reaction,
    RemoteActor,
    RemoteReply,
)
from chaikhana.federation.sections import actor_section, section_url
from chaikhana.network.reports.actions import file_report
from chaikhana.network.reports.models import Report
from chaikhana.portal.models import Section


def _id(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else ""


def _same_host(uri: str, actor: RemoteActor) -> bool:
    return (urlsplit(uri).hostname or "").lower() == actor.host.lower()


def _ours(uri: str) -> bool:
    """On our host: a path alone would match a look-alike address on any server."""
    return urlsplit(uri).netloc.lower() == domain().lower()


def _actor_name(uri: str) -> str:
    """The name in one of our actor ids, or ""."""
    if not _ours(uri):
        return ""
    try:
        match = resolve(urlsplit(uri).path, urlconf=settings.ROOT_URLCONF)
    except Resolver404:
        return ""
    return str(match.kwargs["name"]) if match.view_name == "federation:actor" else ""


def local_section(uri: str) -> Section | None:
    """The portal section whose actor id is *uri* (sections.py)."""
    section = actor_section(_actor_name(uri))
    return section if section is not None and section_url(section) == uri else None


def local_blog(uri: str) -> Blog | None:
    """The federating blog whose actor id is *uri*."""
    if not (name := _actor_name(uri)):
        return None
    try:
        blog = actor_blog(name)
    except Gone:
        return None
    return blog if blog is not None and actor_id(blog) == uri else None


def local_post(uri: str) -> Post | None:
    """The public post of a federating blog that *uri* names (its object id or its page)."""
    if not _ours(uri):
        return None
    path = urlsplit(uri).path
    try:
        match = resolve(path, urlconf=settings.ROOT_URLCONF)
    except Resolver404:
        return None
    if match.view_name == "federation:post":
        post = Post.objects.select_related("blog").filter(pk=match.kwargs["pk"]).first()
    elif match.view_name == "blogs:post":
        post = (
            Post.objects.select_related("blog")
            .filter(blog__name=match.kwargs.get("blog"), slug=match.kwargs["slug"])
            .first()
        )
    else:
        return None
    if post is None or not post.is_public or post.kind != Post.Kind.POST:
        return None
    return post if local_blog(actor_id(post.blog)) is not None else None


def answer_follow(follower: Follower, kind: str) -> None:
    """Accept or Reject *follower*'s Follow, sent to her own inbox."""
    activity = {
        "@context": CONTEXT,
        "id": f"{actor_id(follower.blog)}#{kind.lower()}s/{follower.pk}",
        "type": kind,
        "actor": actor_id(follower.blog),
        "object": {
            "id": follower.follow_uri,
            "type": "Follow",
            "actor": follower.remote.uri,
            "object": actor_id(follower.blog),
        },
    }
    queue(blog=follower.blog, activity=activity, inboxes=[follower.remote.inbox], post_id=None)


def follow(actor: RemoteActor, activity: dict[str, Any]) -> None:
    target = _id(activity.get("object"))
    if not _id(activity):
        return
    if (section := local_section(target)) is not None:
        follow_section(section=section, actor=actor, follow_uri=_id(activity))
        return
    blog = local_blog(target)
    if blog is None:
        return
    if BlockedActor.objects.filter(blog=blog, uri=actor.uri).exists():
        return
    limited = InstancePolicy.objects.mode_for(actor.host) == InstancePolicy.Mode.LIMIT
    auto = not (limited or BlogFederation.objects.of(blog).approve_followers)
    follower, _created = Follower.objects.get_or_create(
        blog=blog, remote=actor, defaults={"follow_uri": _id(activity)}
    )
    follower.follow_uri = _id(activity)
    if auto:
        follower.state = Follower.State.ACCEPTED
    follower.save(update_fields=["follow_uri", "state"])
    if follower.state == Follower.State.ACCEPTED:
        answer_follow(follower, "Accept")


def _reactions_changed(post_ids: Iterable[int]) -> None:
    """After commit, pages that show these posts' like and boost counts are stale."""
    ids = sorted(set(post_ids))
    if ids:
        transaction.on_commit(lambda: post_reactions_changed.send(Post, post_ids=ids))


def undo(actor: RemoteActor, activity: dict[str, Any]) -> None:
    inner = activity.get("object")
    inner_id = _id(inner)
    kind = inner.get("type") if isinstance(inner, dict) else None
    if kind == "Follow" or kind is None:
        target = local_blog(_id(inner.get("object"))) if isinstance(inner, dict) else None
        followers = Follower.objects.filter(remote=actor)
        followers = (
            followers.filter(blog=target) if target else followers.filter(follow_uri=inner_id)
        )
        followers.delete()
        section = local_section(_id(inner.get("object"))) if isinstance(inner, dict) else None
        unfollow_sections(actor=actor, follow_uri=inner_id, section=section)
    if inner_id:
        undone = Reaction.objects.filter(remote=actor, activity_uri=inner_id)
        _reactions_changed(undone.values_list("post_id", flat=True))
        undone.delete()


def react(kind: str) -> Callable[[RemoteActor, dict[str, Any]], None]:
    def handle(actor: RemoteActor, activity: dict[str, Any]) -> None:
        post = local_post(_id(activity.get("object")))
        uri = _id(activity)
        if post is None or not uri or not _same_host(uri, actor):
            return
        if InstancePolicy.objects.mode_for(actor.host) == InstancePolicy.Mode.LIMIT:
            return  # a limited server's likes and boosts are not counted
        _reaction, created = Reaction.objects.get_or_create(
            post=post, remote=actor, kind=kind, defaults={"activity_uri": uri}
        )
        if created:
            _reactions_changed([post.pk])

    return handle


def _attachment_links(note: dict[str, Any]) -> list[str]:
    """Remote media is never shown from its server (a reader's browser would ask it): each
    attachment becomes a link, its description as the text."""
    found = note.get("attachment")
    items = found if isinstance(found, list) else [found] if isinstance(found, dict) else []
    links = []
    for item in items[:4]:
        if isinstance(item, dict) and (href := remote.url_of(item.get("url"))):
            name = item.get("name") if isinstance(item.get("name"), str) else ""
            label = (name or href).replace("[", "(").replace("]", ")")[:200]
            links.append(f"[{label}]({href})")
    return links


def _remote_text(note: dict[str, Any]) -> str:
    """Remote HTML through our nh3 allow-list, then as text: a comment is written in text."""
    content = note.get("content")
    if not isinstance(content, str):
        content_map = note.get("contentMap")
        content = next(iter(content_map.values()), "") if isinstance(content_map, dict) else ""
    text = html_to_text(sanitize_html(str(content)))
    return "\n\n".join([text, *_attachment_links(note)])


def _note(actor: RemoteActor, activity: dict[str, Any]) -> dict[str, Any] | None:
    note = activity.get("object")
    if isinstance(note, str):
        if not _same_host(note, actor):
            return None
        note = remote.fetch_json(note)  # RemoteError (a private address, say): 400
    if not isinstance(note, dict) or not _id(note) or not _same_host(_id(note), actor):
        return None
    if _id(note.get("attributedTo")) not in ("", actor.uri):
        return None
    return note


def create(actor: RemoteActor, activity: dict[str, Any]) -> None:
    note = _note(actor, activity)
    if note is None or note.get("type") not in ("Note", "Article", "Page"):
        return
    parent_uri = _id(note.get("inReplyTo"))
    parent = RemoteReply.objects.filter(object_uri=parent_uri).select_related("comment").first()
    post = parent.comment.post if parent else local_post(parent_uri)
    if post is None or RemoteReply.objects.filter(object_uri=_id(note)).exists():
        return
    if BlockedActor.objects.filter(blog=post.blog, uri=actor.uri).exists():
        return
    url = remote.url_of(note.get("url")) or _id(note)
    comment = post_comment(
        post=post,
        by=None,
        data=CommentInput(
            body=_remote_text(note),
            name=(actor.name or actor.handle or actor.host)[:100],
            website=url[:300],
            parent_id=parent.comment_id if parent else None,
        ),
    )
    RemoteReply.objects.create(comment=comment, remote=actor, object_uri=_id(note))


def update(actor: RemoteActor, activity: dict[str, Any]) -> None:
    note = activity.get("object")
    if not isinstance(note, dict):
        return
    if note.get("type") in ("Person", "Service", "Application", "Group", "Organization"):
        if _id(note) == actor.uri:
            remote.store_actor(note)  # a new name or key, sent by the actor itself
        return
    reply = RemoteReply.objects.filter(object_uri=_id(note), remote=actor).first()
    if reply is not None:
        edit_remote_comment(comment=reply.comment, body=_remote_text(note))


def delete(actor: RemoteActor, activity: dict[str, Any]) -> None:
    uri = _id(activity.get("object"))
    if uri == actor.uri:  # the account is gone: its follows and reactions with it
        _reactions_changed(Reaction.objects.filter(remote=actor).values_list("post_id", flat=True))
        actor.delete()
        return
    reply = (
        RemoteReply.objects.filter(object_uri=uri, remote=actor).select_related("comment").first()
    )
    if reply is not None:
        withdraw_remote_comment(comment=reply.comment)


def move(actor: RemoteActor, activity: dict[str, Any]) -> None:
    """The account moved: its follows go to the new one if the new one says it is the same."""
    if _id(activity.get("object")) != actor.uri:
        return
    try:
        target = remote.store_actor(remote.fetch_json(_id(activity.get("target"))))
    except remote.RemoteError:
        return
    data = remote.fetch_json(target.uri)
    aliases = data.get("alsoKnownAs") or []
    if actor.uri not in (aliases if isinstance(aliases, list) else [aliases]):
        return
    for follower in Follower.objects.filter(remote=actor):
        if not Follower.objects.filter(blog=follower.blog, remote=target).exists():
            Follower.objects.filter(pk=follower.pk).update(remote=target)


def block(actor: RemoteActor, activity: dict[str, Any]) -> None:
    """Someone blocked one of our blogs: she stops getting its posts."""
    if (blog := local_blog(_id(activity.get("object")))) is not None:
        Follower.objects.filter(blog=blog, remote=actor).delete()


def flag(actor: RemoteActor, activity: dict[str, Any]) -> None:
    """A remote moderator's report: each post of ours it names goes into the abuse queue."""
    objects = activity.get("object")
    items = objects if isinstance(objects, list) else [objects]
    content = activity.get("content")
    note = content if isinstance(content, str) else ""
    for item in items[:20]:
        if (post := local_post(_id(item))) is not None:
            try:
                file_report(
                    subject=post,
                    reason=Report.Reason.OTHER,
                    note=f"{actor.host}: {html_to_text(sanitize_html(note))}"[:2000],
                    reporter=AnonymousUser(),
                    address_hash=address_hash(actor.host),
                )
            except ActionError:  # that server's reports are over the limit for now
                return


HANDLERS: dict[str, Callable[[RemoteActor, dict[str, Any]], None]] = {
    "Follow": follow,
    "Undo": undo,
    "Like": react(Reaction.Kind.LIKE),
    "Announce": react(Reaction.Kind.ANNOUNCE),
    "Create": create,
    "Update": update,
    "Delete": delete,
    "Move": move,
    "Block": block,
    "Flag": flag,
}


@transaction.atomic
def receive_activity(*, actor: RemoteActor, activity: dict[str, Any]) -> bool:
    """Do what *activity* asks, all or nothing; False when it is of a kind we ignore."""
    handler = HANDLERS.get(activity["type"])
    if handler is None:
        return False
    try:
        with transaction.atomic():
            handler(actor, activity)
    except ActionError:
        return True  # comments closed, body empty, parent gone: accepted, nothing stored
    return True
