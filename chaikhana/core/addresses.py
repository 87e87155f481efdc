"""The client's network address, for rate limits and throttles — hashed there, never stored.

Behind nginx every request comes from 127.0.0.1, so one throttle would hold every reader at
once. With TRUSTED_PROXY_HOPS = n, the address is the n-th from the right in X-Forwarded-For:
nginx's ``$proxy_add_x_forwarded_for`` appends the address it saw, so whatever a client writes
into the header itself stays to the left and cannot choose the address we count.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    hops = settings.TRUSTED_PROXY_HOPS
    if hops > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return str(request.META.get("REMOTE_ADDR", ""))
