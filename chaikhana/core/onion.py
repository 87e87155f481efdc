"""The network over Tor: its onion address is served like the clearnet host.

ONION_HOST joins ALLOWED_HOSTS (settings.py). This SecurityMiddleware (Django's, used in its
place) leaves onion requests on plain http — Tor encrypts them end to end and Tor Browser
treats .onion as a secure origin — and tells clearnet readers where the onion is with the
``Onion-Location`` header, which Tor Browser offers as "open in onion". Absolute links are
built from the host asked (``request.build_absolute_uri``), so pages read over the onion
link to the onion. The onion is one host, so blogs are read there at /@name/ even when the
clearnet serves them at their own subdomains: ``serving_onion()`` tells ``Blog.url`` so.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.middleware.security import SecurityMiddleware as DjangoSecurityMiddleware

_ON_ONION: ContextVar[bool] = ContextVar("on_onion", default=False)


def serving_onion() -> bool:
    """True while a request that came over the onion is being answered."""
    return _ON_ONION.get()


def is_onion_request(request: HttpRequest) -> bool:
    onion = settings.ONION_HOST
    if not onion:
        return False
    host = request.META.get("HTTP_HOST", "").rsplit(":", 1)[0].lower()
    return host == onion or host.endswith("." + onion)


class SecurityMiddleware(DjangoSecurityMiddleware):
    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _ON_ONION.set(is_onion_request(request))
        try:
            return cast(Callable[[HttpRequest], HttpResponse], super().__call__)(request)
        finally:
            _ON_ONION.reset(token)

    def process_request(self, request: HttpRequest) -> HttpResponsePermanentRedirect | None:
        if is_onion_request(request):
            return None  # no https redirect on the onion address
        return super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        if settings.ONION_HOST and not is_onion_request(request):
            # A blog's own host (subdomain mode) is /@name/ on the onion's one host.
            blog = getattr(request, "blog_name", None)
            prefix = f"/@{blog}" if blog else ""
            response.headers["Onion-Location"] = (
                f"http://{settings.ONION_HOST}{prefix}{request.get_full_path()}"
            )
        return response
