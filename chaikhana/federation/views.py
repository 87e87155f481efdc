"""Discovery (WebFinger, NodeInfo, host-meta), our actors and objects as JSON, the inboxes."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.urls import absolute_url
from chaikhana.federation import conf, objects, remote
from chaikhana.federation import inbox as inbox_checks
from chaikhana.federation.actions.inbound import local_post, receive_activity
from chaikhana.federation.actors import (
    AP_CONTENT_TYPE,
    CONTEXT,
    Gone,
    actor_blog,
    actor_url,
    blog_json,
    domain,
    handle_hosts,
    is_federating,
    reverse,
    site_json,
)
from chaikhana.federation.models import Follower
from chaikhana.federation.sections import (
    actor_section,
    announce,
    featured_stories,
    followable,
    followers_of,
    section_json,
    section_name,
    section_url,
)
from chaikhana.portal.models import Section

logger = logging.getLogger(__name__)
JRD = "application/jrd+json"


def signed_fetch(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """With authorized fetch on, the view answers only a GET signed by a server we accept."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = refuse_unsigned(request)
        return refused if refused is not None else view(request, *args, **kwargs)

    return wrapper


def refuse_unsigned(request: HttpRequest) -> HttpResponse | None:
    if not conf.authorized_fetch():
        return None
    try:
        inbox_checks.verify_get(request)
    except inbox_checks.Refused as refused:
        return HttpResponse(status=refused.status)
    except remote.RemoteError:
        return HttpResponse(status=401)
    return None


def activity_json(data: dict[str, Any], status: int = 200) -> HttpResponse:
    response = HttpResponse(json.dumps(data), content_type=AP_CONTENT_TYPE, status=status)
    response.headers["Vary"] = "Accept"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _blog_or_error(name: str) -> Blog | HttpResponse:
    try:
        blog = actor_blog(name)
    except Gone:
        return activity_json({"@context": CONTEXT, "type": "Tombstone"}, status=410)
    if blog is None:
        return HttpResponse(status=404)
    return blog


def _actor_id_of(name: str) -> str:
    try:
        return absolute_url(reverse("federation:actor", name=name))
    except NoReverseMatch:  # not even a possible address
        return ""


@require_GET
def webfinger(request: HttpRequest) -> HttpResponse:
    """RFC 7033 for ``acct:<blog>@<our host>`` (and the blog's own host in subdomain mode)."""
    resource = request.GET.get("resource", "")
    if not resource:
        return HttpResponse(status=400)
    name = ""
    if resource.startswith("acct:") and "@" in resource:
        name, host = resource[5:].lstrip("@").rsplit("@", 1)
        if host.lower() not in handle_hosts(name):
            return HttpResponse(status=404)
    else:  # the actor's own id or its page
        candidate = resource.rstrip("/").rsplit("@", 1)[-1]
        for blog in Blog.objects.filter(name=candidate):
            if resource in (actor_url(blog, "actor"), absolute_url(blog.get_absolute_url())):
                name = blog.name
        if not name and resource == _actor_id_of(candidate):
            name = candidate  # a deleted blog's actor id: 410 if it was one, else 404
    if (section := actor_section(name)) is not None:
        page = absolute_url(reverse("portal:section", slug=section.slug))
        return _jrd(section_name(section), section_url(section), page)
    result = _blog_or_error(name) if name else HttpResponse(status=404)
    if isinstance(result, HttpResponse):
        return result
    return _jrd(result.name, actor_url(result, "actor"), absolute_url(result.get_absolute_url()))


def _jrd(name: str, actor: str, page: str) -> HttpResponse:
    data = {
        "subject": f"acct:{name}@{domain()}",
        "aliases": [actor, page],
        "links": [
            {"rel": "self", "type": AP_CONTENT_TYPE, "href": actor},
            {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": page},
        ],
    }
    response = HttpResponse(json.dumps(data), content_type=JRD)
    response.headers["Access-Control-Allow-Origin"] = "*"  # RFC 7033 §5
    return response


@require_GET
def host_meta(request: HttpRequest) -> HttpResponse:
    template = absolute_url(reverse("federation:webfinger")) + "?resource={uri}"
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n'
        f'  <Link rel="lrdd" type="application/jrd+json" template="{template}"/>\n'
        "</XRD>\n"
    )
    return HttpResponse(body, content_type="application/xrd+xml")


@require_GET
def nodeinfo_links(request: HttpRequest) -> JsonResponse:
    href = absolute_url(reverse("federation:nodeinfo"))
    return JsonResponse(
        {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": href}]}
    )


@require_GET
def nodeinfo(request: HttpRequest) -> HttpResponse:
    """NodeInfo 2.1: software and counts of blogs (our "users") and posts; no person counted."""
    blogs = Blog.objects.listed().count()
    posts = Post.objects.in_listed_blogs().posts().published().count()
    data = {
        "version": "2.1",
        "software": {
            "name": "chaikhana",
            "version": remote.safehttp.VERSION,
            "homepage": absolute_url("/"),
        },
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": ["atom1.0", "rss2.0"]},
        "openRegistrations": False,
        "usage": {"users": {"total": blogs}, "localPosts": posts},
        "metadata": {"nodeName": str(settings.NETWORK_NAME)},
    }
    content_type = 'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#"'
    return HttpResponse(json.dumps(data), content_type=content_type)


@require_GET
def actor(request: HttpRequest, name: str) -> HttpResponse:
    if (section := actor_section(name)) is not None:
        return activity_json(section_json(section))
    result = _blog_or_error(name)
    return result if isinstance(result, HttpResponse) else activity_json(blog_json(result))


@require_GET
def site_actor(request: HttpRequest) -> HttpResponse:
    return activity_json(site_json())


def _collection(ident: str, total: int, items: list[Any] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": ident,
        "type": "OrderedCollection",
        "totalItems": total,
    }
    if items is not None:
        data["orderedItems"] = items
    return data


@require_GET
@signed_fetch
def followers(request: HttpRequest, name: str) -> HttpResponse:
    """The count only: who follows a blog is the owner's to see, not the world's."""
    if (section := actor_section(name)) is not None:
        total = followers_of(section).count()
        return activity_json(_collection(section_url(section, "followers"), total))
    result = _blog_or_error(name)
    if isinstance(result, HttpResponse):
        return result
    total = Follower.objects.for_blog(result).accepted().count()
    return activity_json(_collection(actor_url(result, "followers"), total))


@require_GET
@signed_fetch
def following(request: HttpRequest, name: str) -> HttpResponse:
    """Always empty: a blog or a section publishes and follows no one (ActivityPub §5.4 says
    an actor SHOULD have the collection; Mastodon shows its count)."""
    if (section := actor_section(name)) is not None:
        return activity_json(_collection(section_url(section, "following"), 0))
    result = _blog_or_error(name)
    if isinstance(result, HttpResponse):
        return result
    return activity_json(_collection(actor_url(result, "following"), 0))


OUTBOX_SIZE = 20


@require_GET
@signed_fetch
def outbox(request: HttpRequest, name: str) -> HttpResponse:
    """The newest posts as Create activities (a remote server fills a new follow from it)."""
    if (section := actor_section(name)) is not None:
        return _section_outbox(section)
    result = _blog_or_error(name)
    if isinstance(result, HttpResponse):
        return result
    posts = Post.objects.for_blog(result).posts().published()
    items = [objects.create(p) for p in posts.for_listing()[:OUTBOX_SIZE]]
    for item in items:
        item.pop("@context", None)
    return activity_json(_collection(actor_url(result, "outbox"), posts.count(), items))


def _section_outbox(section: Section) -> HttpResponse:
    """A section's boosts of its featured stories, newest first."""
    stories = featured_stories(section).select_related("blog")
    items = [announce(section, story) for story in stories[:OUTBOX_SIZE]]
    for item in items:
        item.pop("@context", None)
    total = stories.count()
    return activity_json(_collection(section_url(section, "outbox"), total, items))


@require_GET
def site_outbox(request: HttpRequest) -> HttpResponse:
    return activity_json(_collection(absolute_url(reverse("federation:site_outbox")), 0, []))


@require_GET
@signed_fetch
def featured(request: HttpRequest, name: str) -> HttpResponse:
    """Pinned posts: our blogs have none to pin yet, so an empty collection."""
    if (section := actor_section(name)) is not None:
        return activity_json(_collection(section_url(section, "featured"), 0, []))
    result = _blog_or_error(name)
    if isinstance(result, HttpResponse):
        return result
    return activity_json(_collection(actor_url(result, "featured"), 0, []))


@require_GET
@signed_fetch
def post_object(request: HttpRequest, pk: int) -> HttpResponse:
    post = local_post(objects.post_id(pk))
    if post is None:
        return HttpResponse(status=404)
    return activity_json(objects.article(post))


@csrf_exempt
@require_POST
def shared_inbox(request: HttpRequest) -> HttpResponse:
    """Every activity for any of our actors (and each actor's own inbox, below)."""
    if not conf.site_enabled():
        return HttpResponse(status=404)
    try:
        verified = inbox_checks.verify_post(request)
        receive_activity(actor=verified.actor, activity=verified.activity)
    except inbox_checks.Refused as refused:
        logger.info("inbox refused: %s", refused)
        return HttpResponse(status=refused.status)
    except remote.RemoteError as error:
        logger.info("inbox could not fetch what the activity points at: %s", error)
        return HttpResponse(status=400)
    return HttpResponse(status=202)


@csrf_exempt
@require_POST
def actor_inbox(request: HttpRequest, name: str) -> HttpResponse:
    if actor_section(name) is not None:
        return shared_inbox(request)
    result = _blog_or_error(name)
    if isinstance(result, HttpResponse):
        return result
    return shared_inbox(request)


def is_public_post_page(post: Post) -> bool:
    return post.is_public and post.kind == Post.Kind.POST and is_federating(post.blog)


_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$")


@require_GET
def remote_follow(request: HttpRequest) -> HttpResponse:
    """A page that sends the reader on to her own server's follow page for the blog (Mastodon's
    ``/authorize_interaction``, which Pleroma, Misskey forks and GoToSocial answer too).

    A link she follows, not a redirect: our pages allow forms to post only to us (CSP
    form-action), which a browser applies to a form's redirects as well. A server that is no
    host name gives the form back with the reason, and what she typed kept.
    """
    name = request.GET.get("blog", "")
    section = actor_section(name)
    result = followable(section) if section is not None else _blog_or_error(name)
    if isinstance(result, HttpResponse):
        return result
    typed = request.GET.get("server", "").strip()
    server = typed.lower().removeprefix("https://").removeprefix("http://").split("/")[0]
    server = server.rsplit("@", 1)[-1]  # "@me@example.social" gives its server
    context = {
        "blog": result,
        "handle": f"@{result.name}@{domain()}",
        "typed": typed,
        "action": absolute_url(reverse("federation:remote_follow")),
    }
    if not _HOST.match(server):
        context["error"] = _("Give the address of your server, like mastodon.social.")
        return render(request, "federation/remote_follow.html", context, status=400)
    query = urlencode({"uri": f"acct:{result.name}@{domain()}"})
    context |= {"server": server, "go": f"https://{server}/authorize_interaction?{query}"}
    return render(request, "federation/remote_follow.html", context)
