"""Which of our posts a target URL names, if any (both host modes)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import validate_host
from django.urls import Resolver404, resolve

from chaikhana.blogs.models import Blog, Post


@dataclass(frozen=True)
class PostAddress:
    blog_name: str
    slug: str


def is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def post_address(url: str) -> PostAddress | None:
    """The blog and slug a URL on this network points at, or None if it is no post page."""
    if not is_http_url(url):
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    domain = settings.BLOG_DOMAIN.lower().lstrip(".")
    try:
        if settings.BLOG_HOST_MODE == "subdomain" and domain and host.endswith("." + domain):
            match = resolve(parts.path or "/", urlconf="chaikhana.urls_blog_host")
            blog_name = host.removesuffix("." + domain)
        elif validate_host(host, settings.ALLOWED_HOSTS):
            match = resolve(parts.path or "/")
            blog_name = str(match.kwargs.get("blog", ""))
        else:
            return None
    except Resolver404:
        return None
    if match.view_name != "blogs:post" or not blog_name:
        return None
    return PostAddress(blog_name, str(match.kwargs["slug"]))


def public_post(address: PostAddress) -> Post | None:
    """The published post at *address* on a blog strangers may read; None otherwise.

    Private posts and private blogs answer None, like a missing post: whether they exist
    is not for another site to learn.
    """
    return (
        Post.objects.published()
        .filter(blog__name=address.blog_name, blog__is_active=True, slug=address.slug)
        .exclude(blog__visibility=Blog.Visibility.PRIVATE)
        .select_related("blog")
        .first()
    )
