"""Rate limits, one way for the whole product: a hashed subject and a fixed-window count.

Every limit (failed logins, comments, reports, linkbacks) counts here, in Django's cache.
No raw address is ever stored, logged or put in a key: :func:`address_hash` is an
HMAC-SHA256 of the client's network (one IPv4 address, or an IPv6 /64, which a household is
handed whole) keyed with SECRET_KEY and the UTC day. It cannot be reversed by hashing all
2³² IPv4 addresses, and it rotates daily. The address is read by ``core.addresses``, which
respects TRUSTED_PROXY_HOPS.

Why ours and not django-ratelimit: its keys are an unkeyed MD5 of the raw address (reversible
by brute force) and do not rotate; it reads REMOTE_ADDR only (we would pass a key function
anyway); and its decorator blocks a view, while our limits do other things when exceeded —
a login locks out for a quarter of an hour with "try again in N minutes", a fast commenter's
comment is held for a moderator, a pingback gets an XML-RPC fault. What it would replace is
the twenty lines below.

When the cache cannot be reached (Redis stopped: django-redis then answers None, settings.py),
a count is unknown, and each limit fails the way that is safe for it (docs/operations.md):
closed, as if over the limit, where the limit guards other people's inboxes and our outbound
traffic or where "over" has a mild effect (a comment held for a moderator, a pingback refused
that its sender retries, a report or a mail postponed); open, as if under it, where closing
would lock every person out of her own account or work (sign-in, sign-up, the API, previews),
which the slow password hash and authentication still protect. Locks cannot be stored or read
then either, so nobody is locked out by an outage.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django_redis.exceptions import ConnectionInterrupted

from chaikhana.core.addresses import client_address


def digest(value: str, *, now: datetime | None = None) -> str:
    """HMAC-SHA256 of *value* keyed with SECRET_KEY and the UTC day: not reversible, daily."""
    day = (now or datetime.now(UTC)).astimezone(UTC).date().isoformat()
    key = f"{settings.SECRET_KEY}\0ratelimit\0{day}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def _network(address: str) -> str:
    """The unit a person controls: one IPv4 address, or an IPv6 /64; a host name as it is."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip().lower()
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def address_hash(address: str, *, now: datetime | None = None) -> str:
    """The day's hash of *address* (an IP address or a host name); "" when there is none."""
    return digest(_network(address), now=now) if address.strip() else ""


def request_address_hash(request: HttpRequest, *, now: datetime | None = None) -> str:
    """The day's hash of the address the request came from (behind our trusted proxies)."""
    return address_hash(client_address(request), now=now)


def _moment(now: datetime | None) -> float:
    return time.time() if now is None else now.timestamp()


def _key(scope: str, subject: str, window: int, now: datetime | None) -> str:
    return f"rate:{scope}:{subject}:{window}:{int(_moment(now)) // window}"


# Scopes (by prefix) counted as over their limit while the cache is away; all others pass.
FAILS_CLOSED = ("spam-", "linkbacks-", "fed-", "reports-", "newsletter-", "email-")
OVER_EVERY_LIMIT = 2**31


def count_when_unknown(scope: str) -> int:
    """What :func:`hit` answers for *scope* when the cache cannot count (module docstring)."""
    return OVER_EVERY_LIMIT if scope.startswith(FAILS_CLOSED) else 0


def hit(scope: str, subject: str, *, window: int, now: datetime | None = None) -> int:
    """Count one event of *subject* in *scope*'s current window of *window* seconds (aligned
    to the clock); return the window's total so far."""
    key = _key(scope, subject, window, now)
    try:
        if cache.add(key, 1, window + 5):  # add is atomic: one request opens the window
            return 1
        count = cache.incr(key)  # atomic on Redis and local memory
    except ValueError:  # the window expired between add and incr
        return hit(scope, subject, window=window, now=now)
    except (ConnectionInterrupted, OSError):  # a cache that raises instead of answering None
        return count_when_unknown(scope)
    return count_when_unknown(scope) if count is None else int(count)


def forget(scope: str, subject: str, *, window: int, now: datetime | None = None) -> None:
    """Forgive *subject* in *scope*: its count in the current window, and any lock."""
    cache.delete_many([_key(scope, subject, window, now), _lock_key(scope, subject)])


def _lock_key(scope: str, subject: str) -> str:
    return f"rate:{scope}:{subject}:locked"


def lock(scope: str, subject: str, *, seconds: int) -> None:
    """Refuse *subject* in *scope* for *seconds* from now."""
    cache.set(_lock_key(scope, subject), time.time() + seconds, seconds)


def seconds_locked(*subjects: tuple[str, str]) -> int:
    """Seconds until every (scope, subject) given is free again; 0 when all are free now."""
    locks = cache.get_many([_lock_key(scope, subject) for scope, subject in subjects])
    # The stored end time decides, not the cache's expiry, which can lag behind.
    left = max(locks.values(), default=0.0) - time.time()
    return math.ceil(left) if left > 0 else 0
