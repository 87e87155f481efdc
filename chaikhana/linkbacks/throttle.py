"""How many linkbacks one source host may send per hour (counted by core.ratelimit).

The host is hashed like a client address (it may be an IP literal): no raw address is stored.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from chaikhana.core import ratelimit
from chaikhana.linkbacks import conf

HOUR = 60 * 60


def allow(source: str) -> bool:
    """Count one request from *source*'s host; False once it is over the hourly limit."""
    host = ratelimit.address_hash(urlsplit(source).hostname or "")
    return ratelimit.hit("linkbacks-source", host, window=HOUR) <= conf.rate_per_hour()
