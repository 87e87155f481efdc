"""Where our endpoints are, for the headers and <link> elements of post pages."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import Resolver404, resolve, reverse


def endpoint_urls(request: HttpRequest) -> tuple[str, str]:
    """(webmention endpoint, XML-RPC endpoint) as absolute URLs on the request's host.

    On a blog's own host (subdomain mode) the blog urlconf serves them at its root.
    """
    urlconf = getattr(request, "urlconf", None)
    if urlconf:
        paths = (
            reverse("blogs:webmention", urlconf=urlconf),
            reverse("blogs:xmlrpc", urlconf=urlconf),
        )
    else:
        paths = (reverse("webmention"), reverse("xmlrpc"))
    return request.build_absolute_uri(paths[0]), request.build_absolute_uri(paths[1])


def is_post_page(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:  # answered from the page cache before URL resolution
        try:
            match = resolve(request.path_info, urlconf=getattr(request, "urlconf", None))
        except Resolver404:
            return False
    return match.view_name == "blogs:post"
