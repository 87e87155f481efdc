"""The network over Tor: its onion address is served like the clearnet host.

ONION_HOST joins ALLOWED_HOSTS (settings.py). This SecurityMiddleware (Django's, used in its
place) leaves onion requests on plain http — Tor encrypts them end to end and Tor Browser
treats .onion as a secure origin — and tells clearnet readers where the onion is with the
``Onion-Location`` header, which Tor Browser offers as "open in onion". Absolute links are
built from the host asked (``request.build_absolute_uri``), so pages read over the onion
link to the onion.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.middleware.security import SecurityMiddleware as DjangoSecurityMiddleware


def is_onion_request(request: HttpRequest) -> bool:
    onion = settings.ONION_HOST
    if not onion:
        return False
    host = request.META.get("HTTP_HOST", "").rsplit(":", 1)[0].lower()
    return host == onion or host.endswith("." + onion)


class SecurityMiddleware(DjangoSecurityMiddleware):
    def process_request(self, request: HttpRequest) -> HttpResponsePermanentRedirect | None:
        if is_onion_request(request):
            return None  # no https redirect on the onion address
        return super().process_request(request)

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        if settings.ONION_HOST and not is_onion_request(request):
            response.headers["Onion-Location"] = (
                f"http://{settings.ONION_HOST}{request.get_full_path()}"
            )
        return response
