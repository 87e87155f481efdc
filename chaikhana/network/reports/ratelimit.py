"""How many reports one reader may file: guests by the day's address hash, members by account.

A fixed window in the cache (like comments/spam/ratelimit): enough to stop a script flooding
the queue, loose enough for a reader who finds a whole thread of abuse.
"""

from __future__ import annotations

import time

from django.core.cache import cache

WINDOW = 60 * 60
PER_GUEST_ADDRESS = 5
PER_ACCOUNT = 30


def allow(*, reporter_id: int | None, address_hash: str) -> bool:
    """Count one report; False when this reader has used up the window's allowance."""
    if reporter_id is not None:
        return _hit(f"account:{reporter_id}") <= PER_ACCOUNT
    # A guest with no address at all (a misconfigured proxy) shares one allowance with others.
    return _hit(f"address:{address_hash or 'none'}") <= PER_GUEST_ADDRESS


def _hit(subject: str) -> int:
    key = f"reports:rate:{subject}:{int(time.time()) // WINDOW}"
    if cache.add(key, 1, WINDOW + 5):  # add is atomic: one request opens the window
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # the window closed between add and incr
        return _hit(subject)
