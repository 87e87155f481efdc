"""Template tags for blog pages: the ActivityPub ``<link rel=alternate>`` and the follow box.

blogs' and the portal's templates load this library by name; their Python never imports us.
"""

from __future__ import annotations

from typing import Any

from django import template

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.onion import is_onion_request
from chaikhana.core.urls import absolute_url
from chaikhana.federation import objects
from chaikhana.federation.actors import actor_id, domain, is_federating, reverse
from chaikhana.federation.models import Reaction
from chaikhana.federation.sections import actor_section, followable, section_name
from chaikhana.portal.models import Section

register = template.Library()


@register.inclusion_tag("federation/_alternate.html")
def activitypub_alternate(blog: Blog, post: Post | None = None) -> dict[str, Any]:
    """<link rel="alternate" type="application/activity+json"> to the post or the blog actor."""
    if not is_federating(blog) or (post is not None and post.kind != Post.Kind.POST):
        return {}
    return {"href": objects.post_id(post.pk) if post is not None else actor_id(blog)}


@register.inclusion_tag("federation/_follow_box.html", takes_context=True)
def fediverse_follow_box(context: dict[str, Any], blog: Blog) -> dict[str, Any]:
    """The handle to copy and a form that sends the reader to her own server to follow."""
    if not is_federating(blog):
        return {}
    return {
        "handle": f"@{blog.name}@{domain()}",
        # On a blog's own host (subdomain mode) the form still goes to the network's host;
        # read over the onion it stays on the onion.
        "action": _follow_action(context.get("request")),
        "blog": blog,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


@register.inclusion_tag("federation/_follow_box.html", takes_context=True)
def fediverse_follow_portal(context: dict[str, Any]) -> dict[str, Any]:
    """The follow box for the portal's own actor, on the front page."""
    portal = _portal_blog()
    return fediverse_follow_box(context, portal) if portal is not None else {}


@register.inclusion_tag("federation/_follow_box.html", takes_context=True)
def fediverse_follow_section(context: dict[str, Any], section: Section) -> dict[str, Any]:
    """The follow box for a portal section's actor, on the section's page."""
    if actor_section(section_name(section)) is None:
        return {}
    return {
        "handle": f"@{section_name(section)}@{domain()}",
        "action": _follow_action(context.get("request")),
        "blog": followable(section),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


def _follow_action(request: Any) -> str:
    path = reverse("federation:remote_follow")
    return path if request is not None and is_onion_request(request) else absolute_url(path)


def _portal_blog() -> Blog | None:
    return (
        Blog.objects.filter(is_editorial=True)
        .only("pk", "name", "visibility", "is_active", "is_editorial")
        .first()
    )


@register.inclusion_tag("federation/_reactions.html", takes_context=True)
def fediverse_reactions(context: dict[str, Any], post: Post) -> dict[str, Any]:
    """Likes and boosts from the fediverse under a post, with who gave them (one query)."""
    reactions = list(
        Reaction.objects.filter(post=post)
        .select_related("remote")
        .only("kind", "remote__name", "remote__handle", "remote__url")
        .order_by("created_at")[:REACTIONS_LISTED]
    )
    return {
        "likes": [r.remote for r in reactions if r.kind == Reaction.Kind.LIKE],
        "boosts": [r.remote for r in reactions if r.kind == Reaction.Kind.ANNOUNCE],
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


REACTIONS_LISTED = 200
