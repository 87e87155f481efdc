"""Failed-login throttling by username and by network address, kept in Django's cache.

No raw address is ever stored: the cache key is an HMAC-SHA256 of the address with
SECRET_KEY and today's UTC date, so keys cannot be reversed and rotate every day.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache

from chaikhana.accounts.models import username_key

WINDOW = 15 * 60  # failures older than this are forgotten
LOCKOUT = 15 * 60  # how long a locked username or address waits
MAX_PER_USERNAME = 5
MAX_PER_ADDRESS = 20  # higher: a whole school or office can share one address


def _digest(kind: str, value: str) -> str:
    day = datetime.now(UTC).date().isoformat()
    message = f"{kind}\0{day}\0{value}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    """(cache key, limit) pairs for this attempt; no address, no address key."""
    keys = [(f"login-fail:user:{_digest('user', username_key(username))}", MAX_PER_USERNAME)]
    if address:
        keys.append((f"login-fail:addr:{_digest('addr', address)}", MAX_PER_ADDRESS))
    return keys


def _count(key: str) -> int:
    """Add one failure to *key*'s window, which opens at the first failure; return the total."""
    now = time.time()
    if cache.add(key, 1, WINDOW):  # add is atomic: only one request opens the window
        cache.set(f"{key}:opened", now, WINDOW)
        return 1
    try:
        count = cache.incr(key)  # atomic on Redis and local memory
    except ValueError:  # the window closed between add and incr
        return _count(key)
    # Backends without a native incr (file, database) rewrite the value with the default
    # timeout; put the window's own end back.
    opened = cache.get(f"{key}:opened", now)
    cache.touch(key, max(1, math.ceil(opened + WINDOW - now)))
    return count


def minutes_locked(*, username: str, address: str) -> int:
    """Minutes until this username or address may try again; 0 when it may now."""
    locks = cache.get_many([f"{key}:locked" for key, _ in _keys(username, address)])
    # The stored end time decides, not the cache's expiry, which can lag behind.
    until = max(locks.values(), default=0.0)
    return max(1, math.ceil((until - time.time()) / 60)) if until > time.time() else 0


def record_failure(*, username: str, address: str) -> None:
    for key, limit in _keys(username, address):
        if _count(key) >= limit:
            cache.set(f"{key}:locked", time.time() + LOCKOUT, LOCKOUT)


def clear_username(*, username: str) -> None:
    """A successful login forgives the username's failures (not the address's)."""
    key, _ = _keys(username, "")[0]
    cache.delete_many([key, f"{key}:opened", f"{key}:locked"])
