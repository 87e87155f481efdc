"""How many linkbacks one source host may send per hour, counted in the cache.

Keys are an HMAC of the host (it may be an IP literal: no raw address is stored anywhere).
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache

from chaikhana.linkbacks import conf

HOUR = 60 * 60


def _key(source: str) -> str:
    host = (urlsplit(source).hostname or "").lower().encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), host, hashlib.sha256).hexdigest()
    return f"linkbacks:rate:{digest}"


def allow(source: str) -> bool:
    """Count one request from *source*'s host; False once it is over the hourly limit."""
    key = _key(source)
    if cache.add(key, 1, HOUR):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        return allow(source)
    return count <= conf.rate_per_hour()
