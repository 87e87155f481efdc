"""What a mirror holds: the public pages a stranger sees, and the file each one becomes.

A page is copied when its view is one the page cache stores for anonymous readers
(``reading.cache.keys.PAGE_DEPENDENCIES``: a page nobody thought about is never copied) and,
for a blog's pages, when the blog is listed (public and not suspended). Drafts, private and
scheduled posts answer 404 to an anonymous reader, so they are never written either.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote

from django.conf import settings
from django.urls import Resolver404, ResolverMatch, resolve

from chaikhana.blogs.models import Blog
from chaikhana.reading.cache.keys import PAGE_DEPENDENCIES

# Sitemaps list live addresses for search engines: no use in a copy.
NOT_COPIED = frozenset({"blogs:sitemap", "sitemap_index"})
# The icons browsers ask for (core/urls_icons.py), copied like static files.
ICONS = frozenset({"favicon", "apple_touch_icon", "app_icon"})
# Pages of our own the copy carries: where else to read, and the key that signs it.
OWN_PAGES = frozenset({"mirrors:page"})
PORTAL_FEEDS = frozenset(
    {
        "reading:portal_feed",
        "reading:portal_feed_atom",
        "reading:section_feed",
        "reading:section_feed_atom",
    }
)


@dataclass(frozen=True)
class Target:
    """One address of the live site as the mirror holds it."""

    url: str  # path and, for pagination, ?page=N
    file: str  # relative to the mirror's root
    kind: str  # "page", "feed", "static", "media", "icon"


@dataclass(frozen=True)
class Scope:
    listed: frozenset[str]
    blog: str | None = None
    portal: bool = False

    @classmethod
    def build(cls, *, blog: str | None = None, portal: bool = False) -> Scope:
        listed = frozenset(Blog.objects.listed().values_list("name", flat=True))
        return cls(listed=listed, blog=blog, portal=portal)

    def seeds(self) -> list[str]:
        if self.blog:
            return [f"/@{self.blog}/"]
        return ["/"] if self.portal else ["/", "/blogs/", "/feed/"]

    def locate(self, path: str, query: str = "") -> Target | None:
        """The file *path* becomes in this mirror, or None when the mirror leaves it out."""
        path = unquote(path)
        if path.startswith(settings.STATIC_URL):
            return None if query else Target(path, path.lstrip("/"), "static")
        if path.startswith(settings.MEDIA_URL):
            return None if query else Target(path, path.lstrip("/"), "media")
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.view_name in ICONS and not query:
            return Target(path, path.lstrip("/"), "icon")
        page = _page_number(query)
        if page is None or not self._wants(match):
            return None
        return _page_target(path, page, match)

    def _wants(self, match: ResolverMatch) -> bool:
        name = match.view_name
        if name in OWN_PAGES:
            return True
        if name not in PAGE_DEPENDENCIES or name in NOT_COPIED:
            return False
        blog = match.kwargs.get("blog")
        if blog is not None and blog not in self.listed:
            return False
        if self.blog:
            return blog == self.blog
        if self.portal:
            return name.startswith("portal:") or name in PORTAL_FEEDS
        return True


def _page_number(query: str) -> int | None:
    """1 for no query, N for ?page=N; None for any other query (not copied)."""
    if not query:
        return 1
    params = parse_qs(query, keep_blank_values=True)
    values = params.get("page", [])
    if set(params) != {"page"} or len(values) != 1 or not values[0].isdigit():
        return None
    return int(values[0]) or None


def _page_target(path: str, page: int, match: ResolverMatch) -> Target:
    is_feed = "feed" in match.url_name if match.url_name else False
    base = path.lstrip("/")
    if not path.endswith("/"):  # sitemap.xml and the like, named already
        return Target(path, base, "feed" if is_feed else "page")
    stem = "index" if page == 1 else f"page-{page}"
    name = f"{stem}.xml" if is_feed else f"{stem}.html"
    url = path if page == 1 else f"{path}?page={page}"
    return Target(url, posixpath.join(base, name) if base else name, "feed" if is_feed else "page")


# Subdomain mode (BLOG_HOST_MODE=subdomain): a blog lives at <name>.BLOG_DOMAIN. The mirror
# names every page by its path-mode address (/@name/…), so its files are laid out the same
# in both modes, and asks the blog's own host for it.
def _blog_domain() -> str:
    return str(settings.BLOG_DOMAIN) if settings.BLOG_HOST_MODE == "subdomain" else ""


def host_for(url: str) -> tuple[str, str]:
    """(host, path) the live site answers the path-mode *url* at ("" for the site's own)."""
    domain = _blog_domain()
    if domain and url.startswith("/@"):
        name, _sep, rest = url[2:].partition("/")
        return f"{name}.{domain}", f"/{rest}"
    return "", url


def path_form(netloc: str, path: str, *, live: str, at: str) -> str | None:
    """The path-mode address of a link to *netloc*/*path* on the page at *at* (path-mode);
    None when it leads to another site."""
    domain = _blog_domain()
    if not netloc:
        on_blog_host = domain and at.startswith("/@")
        if on_blog_host and not path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return f"/@{at[2:].partition('/')[0]}{path}"
        return path
    if netloc == live or (domain and netloc == domain):
        return path
    if domain and netloc.endswith(f".{domain}"):
        return f"/@{netloc.removesuffix(f'.{domain}')}{path}"
    return None
