"""Advertise our endpoints in the headers of post pages (blogs' views know nothing of us)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from chaikhana.linkbacks.advertise import endpoint_urls, is_post_page


class EndpointHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 200 and is_post_page(request):
            webmention, xmlrpc = endpoint_urls(request)
            # Webmention §3.1.2: the Link header is checked first; Pingback 1.0 "Autodiscovery".
            link = f'<{webmention}>; rel="webmention"'
            existing = response.headers.get("Link")
            response.headers["Link"] = f"{existing}, {link}" if existing else link
            response.headers["X-Pingback"] = xmlrpc
        return response
