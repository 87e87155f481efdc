"""Sitemaps (sitemaps.org protocol 0.9): one per listed blog, and the network's index.

Only listed blogs are offered to search engines: an unlisted blog is read by address
and a private one by its members, so neither has a sitemap nor a line in the index.
The index is built in one query however many blogs there are, and paged like Django's
own (?p=N) once the network outgrows one index file.
"""

from __future__ import annotations

from datetime import datetime
from math import ceil
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import (  # type: ignore[attr-defined]  # not in the stubs
    SitemapIndexItem,
    sitemap,
    x_robots_tag,
)
from django.contrib.sites.requests import RequestSite
from django.db.models import Count, Max, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.blogs.access import access_blog
from chaikhana.blogs.models import Blog, BlogQuerySet, Post, PostQuerySet
from chaikhana.blogs.views.common import blog_name

if TYPE_CHECKING:
    from django.contrib.sites.models import Site

# sitemaps.org: "Sitemap index files may not list more than 50,000 Sitemaps".
BLOGS_PER_INDEX = 50_000


def _host_and_path(url: str) -> tuple[str, str]:
    """``//host/path`` (subdomain mode) → (host, path); a bare path → ("", path)."""
    parts = urlsplit(url)
    return parts.netloc, parts.path


class BlogSitemap(Sitemap):
    """A blog's published posts and pages, each with the time it last changed."""

    def __init__(self, blog: Blog) -> None:
        self.blog = blog
        self.host, _path = _host_and_path(blog.get_absolute_url())

    def items(self) -> PostQuerySet:
        # By id: pages of the sitemap keep their entries when a new post arrives.
        published = Post.objects.for_blog(self.blog).published()
        return published.only("slug", "updated_at").order_by("pk")

    def location(self, item: Post) -> str:
        return _host_and_path(self.blog.url("blogs:post", slug=item.slug))[1]

    def lastmod(self, item: Post) -> datetime:
        return item.updated_at

    def get_domain(self, site: Site | RequestSite | None = None) -> str:
        # On the network's host in subdomain mode the posts still live on the blog's host.
        return self.host or super().get_domain(site)


# Crawlers come back often: an unchanged sitemap answers 304 (the page cache's ETag and
# Last-Modified, reading/cache/keys.PAGE_DEPENDENCIES).
def blog_sitemap(request: HttpRequest, blog: str | None = None) -> HttpResponse:
    """/@blog/sitemap.xml (or /sitemap.xml on a blog's host); ?p=N for a blog's later pages."""
    the_blog, _membership = access_blog(None, blog_name(request, blog))
    if not the_blog.is_listed:
        raise Http404(_("There is no blog at this address."))
    return sitemap(request, {"posts": BlogSitemap(the_blog)})


def _with_entries(blogs: BlogQuerySet) -> BlogQuerySet:
    """Each blog's number of public posts and pages, and when the last of them changed."""
    public = Q(posts__status=Post.Status.PUBLISHED, posts__published_at__lte=timezone.now())
    return blogs.annotate(
        entries=Count("posts", filter=public), last_mod=Max("posts__updated_at", filter=public)
    )


def _index_items(request: HttpRequest, blog: Blog) -> list[SitemapIndexItem]:
    location = request.build_absolute_uri(blog.url("blogs:sitemap"))
    pages = ceil(blog.entries / BlogSitemap.limit)  # type: ignore[attr-defined]
    last_mod = blog.last_mod  # type: ignore[attr-defined]
    items = [SitemapIndexItem(location, last_mod)]
    items += [SitemapIndexItem(f"{location}?p={n}", last_mod) for n in range(2, pages + 1)]
    return items


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("p") or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise Http404(_("There is no such page."))
    return int(raw)


@x_robots_tag
def network_sitemap_index(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the sitemaps of the network's listed blogs that have something public."""
    number = _page_number(request)
    start = (number - 1) * BLOGS_PER_INDEX
    blogs = list(
        _with_entries(Blog.objects.listed()).order_by("pk")[start : start + BLOGS_PER_INDEX]
    )
    if not blogs and number > 1:
        raise Http404(_("There is no such page."))
    items = [item for blog in blogs if blog.entries for item in _index_items(request, blog)]  # type: ignore[attr-defined]
    context = {"sitemaps": items}
    return TemplateResponse(request, "sitemap_index.xml", context, content_type="application/xml")


def index_pages() -> int:
    """How many pages the network's sitemap index has (robots.txt names each)."""
    return max(1, ceil(Blog.objects.listed().count() / BLOGS_PER_INDEX))
