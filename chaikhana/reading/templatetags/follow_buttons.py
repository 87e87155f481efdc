"""Follow buttons for blog pages: ``{% follow_blog_button blog %}``, ``{% follow_tag_button %}``.

Template tags, so the blogs app's views need not know that reading exists (it listens).
Anonymous readers cost no query; a signed-in reader one.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest

from chaikhana.blogs.models import Blog
from chaikhana.reading.following import queries

register = template.Library()


def _back_to(request: HttpRequest | None) -> tuple[str, str]:
    """Where the form and the log-in link come back to: this page.

    On a blog's own host (subdomain mode) the form posts to the network's host, so only a
    full address leads back, and the log-in page cannot return there by path.
    """
    if request is None:
        return "", ""
    if getattr(request, "blog_name", None):
        return request.build_absolute_uri(), ""
    return request.get_full_path(), request.get_full_path()


def _base(context: template.Context) -> dict[str, Any]:
    request: HttpRequest | None = context.get("request")
    next_url, login_next = _back_to(request)
    return {
        "user": getattr(request, "user", None),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "next": next_url,
        "login_next": login_next,
    }


@register.inclusion_tag("reading/follow_blog.html", takes_context=True)
def follow_blog_button(context: template.Context, blog: Blog) -> dict[str, Any]:
    base = _base(context)
    user = base["user"]
    following = bool(user and user.is_authenticated and queries.follows_blog(user, blog))
    return base | {"blog": blog, "following": following}


@register.inclusion_tag("reading/follow_tag.html", takes_context=True)
def follow_tag_button(context: template.Context) -> dict[str, Any]:
    """On a blog's tag archive only (the tag is the page's ``slug``); elsewhere nothing."""
    base = _base(context)
    match = getattr(base["request"], "resolver_match", None)
    slug = str(match.kwargs.get("slug", "")) if match and match.url_name == "tag" else ""
    user = base["user"]
    following = bool(slug and user and user.is_authenticated and queries.follows_tag(user, slug))
    return base | {"slug": slug, "following": following}
