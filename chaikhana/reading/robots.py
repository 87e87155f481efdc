"""robots.txt (RFC 9309): the network's, and in subdomain mode each blog host's own."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from chaikhana.blogs.models import Blog
from chaikhana.reading.sitemaps import index_pages

# Private or pointless to crawl: the writers' side, sign-in pages, the language switch.
NETWORK_DISALLOW = ("/dashboard/", "/accounts/", "/i18n/")


def _text(lines: list[str]) -> HttpResponse:
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def robots_txt(request: HttpRequest) -> HttpResponse:
    """/robots.txt on the network's host: everything public, and the sitemap index."""
    index = request.build_absolute_uri(reverse("sitemap_index", urlconf=settings.ROOT_URLCONF))
    sitemaps = [index] + [f"{index}?p={n}" for n in range(2, index_pages() + 1)]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in NETWORK_DISALLOW), ""]
    # RFC 9309 §2.2.4: Sitemap lines stand outside the groups, as absolute URLs.
    return _text(lines + [f"Sitemap: {url}" for url in sitemaps])


def blog_robots_txt(request: HttpRequest) -> HttpResponse:
    """/robots.txt on a blog's own host: its sitemap if listed, else keep out entirely.

    An unlisted blog asks search engines not to crawl it (its pages say noindex too);
    an unknown or private blog host gives nothing away either way.
    """
    name = getattr(request, "blog_name", None) or ""
    if not Blog.objects.listed().filter(name=name).exists():
        return _text(["User-agent: *", "Disallow: /"])
    sitemap = request.build_absolute_uri(reverse("blogs:sitemap"))
    return _text(["User-agent: *", "Allow: /", "", f"Sitemap: {sitemap}"])
