"""Subdomain mode: ``<blog>.<BLOG_DOMAIN>`` serves that blog's pages at the host's root."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

BLOG_HOST_URLCONF = "chaikhana.urls_blog_host"


class BlogHostMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.blog_name = None  # type: ignore[attr-defined]
        if settings.BLOG_HOST_MODE == "subdomain" and settings.BLOG_DOMAIN:
            host = request.get_host().split(":")[0].lower()
            suffix = "." + settings.BLOG_DOMAIN.lower()
            if host.endswith(suffix):
                name = host.removesuffix(suffix)
                if name and "." not in name and name != "www":
                    request.blog_name = name  # type: ignore[attr-defined]
                    request.urlconf = BLOG_HOST_URLCONF  # type: ignore[attr-defined]
        return self.get_response(request)
