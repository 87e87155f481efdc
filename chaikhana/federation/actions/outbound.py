"""What our followers are owed when a post or a blog changes: one Delivery per server."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import QuerySet

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.federation import conf, objects
from chaikhana.federation.actors import actor_id, actor_url, is_federating
from chaikhana.federation.delivery import dead_hosts
from chaikhana.federation.models import Delivery, Follower, InstancePolicy, SentArticle


def server_inboxes(blog: Blog) -> list[str]:
    """One inbox per server following *blog* (its shared inbox when it has one), live ones."""
    return inboxes_of(Follower.objects.for_blog(blog).accepted())


def inboxes_of(followers: QuerySet[Any]) -> list[str]:
    """One inbox per server among *followers* (Follower or SectionFollower rows), live ones."""
    dead = dead_hosts() | blocked_hosts()
    inboxes = {
        shared or inbox
        for shared, inbox in followers.values_list("remote__shared_inbox", "remote__inbox")
    }
    return sorted(i for i in inboxes if not _within(urlsplit(i).hostname or "", dead))


def _within(host: str, domains: set[str]) -> bool:
    return any(host == d or host.endswith(f".{d}") for d in domains)


def blocked_hosts() -> set[str]:
    blocked = InstancePolicy.objects.filter(mode=InstancePolicy.Mode.BLOCK)
    return set(blocked.values_list("host", flat=True))


def queue(
    *,
    blog: Blog,
    activity: dict[str, Any],
    inboxes: list[str],
    post_id: int | None,
    signer: str = "",
) -> int:
    """Store one Delivery per inbox and send each from its own task after commit.

    *signer* names our key that signs it (keys.py) when it is not *blog*'s own.
    """
    from chaikhana.federation.tasks import deliver_task

    rows = Delivery.objects.bulk_create(
        Delivery(
            blog=blog,
            post_id=post_id,
            activity=activity,
            inbox=inbox,
            host=urlsplit(inbox).hostname or "",
            signer=signer,
        )
        for inbox in inboxes
    )
    for row in rows:
        enqueue_on_commit(deliver_task, delivery_id=row.pk, attempt=1)
    return len(rows)


def _public(post: Post) -> bool:
    return post.kind == Post.Kind.POST and post.is_public and is_federating(post.blog)


@transaction.atomic
def sync_post(*, post: Post) -> str | None:
    """Tell followers what changed: Create, Update or Delete; None when nothing is owed.

    With the network's switch off nothing leaves and nothing is recorded as sent.
    """
    if not conf.site_enabled():
        return None
    sent = SentArticle.objects.select_for_update().filter(post_id=post.pk).first()
    if _public(post):
        if sent is None or sent.is_deleted:
            activity, kind = objects.create(post), "Create"
        elif sent.version != post.version:
            activity, kind = objects.update(post), "Update"
        else:
            return None
        SentArticle.objects.update_or_create(
            post_id=post.pk,
            defaults={"blog": post.blog, "version": post.version, "is_deleted": False},
        )
    elif sent is not None and not sent.is_deleted and post.blog.is_active:
        activity, kind = _delete(post.blog, post.pk), "Delete"
        SentArticle.objects.filter(pk=sent.pk).update(is_deleted=True)
    else:
        return None
    queue(blog=post.blog, activity=activity, inboxes=server_inboxes(post.blog), post_id=post.pk)
    return kind


def _delete(blog: Blog, post_pk: int) -> dict[str, Any]:
    return objects.delete(
        post_pk=post_pk, blog_actor=actor_id(blog), followers=actor_url(blog, "followers")
    )


@transaction.atomic
def withdraw_post(*, blog: Blog, post_pk: int) -> bool:
    """A deleted post: Delete (Tombstone) to the servers that were told of it."""
    if not conf.site_enabled():
        return False
    changed = SentArticle.objects.filter(post_id=post_pk, is_deleted=False).update(is_deleted=True)
    if changed and blog.is_active:
        queue(
            blog=blog,
            activity=_delete(blog, post_pk),
            inboxes=server_inboxes(blog),
            post_id=post_pk,
        )
    return bool(changed)


@transaction.atomic
def withdraw_blog(*, blog: Blog) -> int:
    """A blog made private, unlisted or switched off: Delete for every post we federated.

    A suspended blog sends nothing: its deliveries stop and its actor answers 410.
    """
    if not conf.site_enabled() or not blog.is_active or is_federating(blog):
        return 0
    sent = list(
        SentArticle.objects.filter(blog=blog, is_deleted=False).values_list("post_id", flat=True)
    )
    SentArticle.objects.filter(blog=blog, post_id__in=sent).update(is_deleted=True)
    inboxes = server_inboxes(blog)
    for post_pk in sent:
        queue(blog=blog, activity=_delete(blog, post_pk), inboxes=inboxes, post_id=post_pk)
    return len(sent)
