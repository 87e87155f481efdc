"""Cache keys: one per page variant, one per URL for what it depends on, one per dependency.

A page variant is (host, path, query, language, Save-Data, light mode): everything that changes
the HTML an anonymous reader gets. Dependencies are named ``post:<id>``, ``blog:<id>:lists``,
``blog:<id>:settings`` and ``network``; each has a generation (invalidation.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from chaikhana.blogs.models import Blog, Post
from chaikhana.core import network_settings

# Bump when templates change what a cached page holds (a deploy may also clear the cache).
VERSION = "1"
NETWORK = "network"


def post_dep(post_id: int) -> str:
    return f"post:{post_id}"


def blog_lists_dep(blog_id: int) -> str:
    return f"blog:{blog_id}:lists"


def blog_settings_dep(blog_id: int) -> str:
    return f"blog:{blog_id}:settings"


def generation_key(dep: str) -> str:
    return f"pc:{VERSION}:gen:{dep}"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def url_key(request: HttpRequest) -> str:
    """Where we remember what a URL depends on (its query never changes that)."""
    return f"pc:{VERSION}:deps:{_digest(request.get_host(), request.path)}"


def variant_key(request: HttpRequest) -> str:
    """The stored page for this reader's variant of the URL."""
    parts = (
        # Every page shows the network's settings (its name, the languages offered, the
        # comment defaults): a change of them must not leave any stored page behind.
        str(network_settings.current().updated_at or ""),
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        getattr(request, "LANGUAGE_CODE", ""),
        "save-data" if getattr(request, "save_data", False) else "",
        "light" if getattr(request, "light_mode", False) else "",
    )
    return f"pc:{VERSION}:page:{_digest(*parts)}"


# --- What each public page depends on --------------------------------------------------
# view name (namespace:name) -> function of (request, response) giving its dependencies,
# or None when the page cannot be cached after all. Only pages named here are cached:
# a page nobody thought about stays uncached rather than stale.
DepsFinder = Callable[[HttpRequest, HttpResponse], list[str] | None]


def _network(request: HttpRequest, response: HttpResponse) -> list[str]:
    return [NETWORK]


def _context(response: HttpResponse, name: str) -> object:
    """An object the view rendered (blogs' pages are TemplateResponses), if it says so."""
    return (getattr(response, "context_data", None) or {}).get(name)


def _blog_name(request: HttpRequest) -> str | None:
    match = request.resolver_match
    name = match.kwargs.get("blog") if match else None
    return name or getattr(request, "blog_name", None)


def _blog_id(request: HttpRequest, response: HttpResponse) -> int | None:
    blog = _context(response, "blog")
    if isinstance(blog, Blog):
        return blog.pk
    # Feeds are not TemplateResponses: one query, on a miss only.
    name = _blog_name(request)
    return Blog.objects.filter(name=name).values_list("pk", flat=True).first() if name else None


def _blog_list(request: HttpRequest, response: HttpResponse) -> list[str] | None:
    blog_id = _blog_id(request, response)
    if blog_id is None:
        return None
    return [blog_lists_dep(blog_id), blog_settings_dep(blog_id)]


def _post(request: HttpRequest, response: HttpResponse) -> list[str] | None:
    post = _context(response, "post")
    if not isinstance(post, Post):
        match = request.resolver_match
        slug = match.kwargs.get("slug") if match else None
        post = Post.objects.filter(blog__name=_blog_name(request), slug=slug).first()
    if post is None:
        return None
    return [post_dep(post.pk), blog_settings_dep(post.blog_id)]


PAGE_DEPENDENCIES: dict[str, DepsFinder] = {
    # The portal's pages: reading/cache/portal.py adds them at start-up.
    "directory": _network,
    "blogs:home": _blog_list,
    "blogs:category": _blog_list,
    "blogs:tag": _blog_list,
    "blogs:author": _blog_list,
    "blogs:month": _blog_list,
    "blogs:feed": _blog_list,
    "blogs:feed_atom": _blog_list,
    "blogs:category_feed": _blog_list,
    "blogs:category_feed_atom": _blog_list,
    "blogs:tag_feed": _blog_list,
    "blogs:tag_feed_atom": _blog_list,
    "blogs:author_feed": _blog_list,
    "blogs:author_feed_atom": _blog_list,
    "blogs:feed_json": _blog_list,
    "blogs:category_feed_json": _blog_list,
    "blogs:tag_feed_json": _blog_list,
    "blogs:author_feed_json": _blog_list,
    "blogs:sitemap": _blog_list,
    "blogs:post": _post,
    # The network's feeds and sitemap index show listed blogs' posts: every publication,
    # change or deletion there bumps "network" (receivers._post_deps), as do term changes
    # of a listed blog's posts (the network tag feed) and a blog's listing (network.py).
    "network_feed": _network,
    "network_feed_atom": _network,
    "network_feed_json": _network,
    "reading:tag_feed": _network,
    "reading:tag_feed_json": _network,
    "sitemap_index": _network,
}


def dependencies(request: HttpRequest, response: HttpResponse) -> list[str] | None:
    """What the page just rendered depends on; None if it is not a cacheable public page."""
    match = request.resolver_match
    finder = PAGE_DEPENDENCIES.get(match.view_name) if match else None
    if finder is None:
        return None
    found = finder(request, response)
    return sorted(found) if found else None
