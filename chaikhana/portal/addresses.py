"""Which post of the network an address an editor pasted names: a blogger's post or a story.

Editors meet posts by reading the network, so the desk's forms take the address from the
browser's address bar (absolute, in either host mode, or a path) rather than an id.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import validate_host
from django.urls import Resolver404, ResolverMatch, resolve

from chaikhana.blogs.models import Post
from chaikhana.portal.actions.portal_blog import PORTAL_BLOG_NAME


def post_at(address: str) -> Post | None:
    """The post or page at *address* on this network (any status: the action decides)."""
    found = _blog_and_slug(address.strip())
    if found is None:
        return None
    blog_name, slug = found
    return (
        Post.objects.select_related("blog", "author")
        .filter(blog__name=blog_name, slug=slug)
        .first()
    )


def _blog_and_slug(address: str) -> tuple[str, str] | None:
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if parts.scheme not in ("", "http", "https"):
        return None
    host = (parts.hostname or "").lower()
    domain = settings.BLOG_DOMAIN.lower().lstrip(".")
    if host and settings.BLOG_HOST_MODE == "subdomain" and domain and host.endswith("." + domain):
        match = _match(parts.path, "chaikhana.urls_blog_host")
        blog_name = host.removesuffix("." + domain)
    elif not host or validate_host(host, settings.ALLOWED_HOSTS):
        match = _match(parts.path, None)
        blog_name = str(match.kwargs.get("blog", "")) if match else ""
    else:
        return None
    if match is None:
        return None
    if match.view_name == "portal:story":
        return PORTAL_BLOG_NAME, str(match.kwargs["slug"])
    if match.view_name == "blogs:post" and blog_name:
        return blog_name, str(match.kwargs["slug"])
    return None


def _match(path: str, urlconf: str | None) -> ResolverMatch | None:
    try:
        return resolve(path or "/", urlconf=urlconf)
    except Resolver404:
        return None
