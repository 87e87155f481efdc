"""Failed-login throttling by username and by network address (counted by core.ratelimit).

No raw address is ever stored: the address key is core.ratelimit's daily HMAC of it, and
the username's is the same HMAC of its case-folded form.
"""

from __future__ import annotations

import math

from chaikhana.accounts.models import username_key
from chaikhana.core import ratelimit

WINDOW = 15 * 60  # failures are counted in windows of this length
LOCKOUT = 15 * 60  # how long a locked username or address waits
MAX_PER_USERNAME = 5
MAX_PER_ADDRESS = 20  # higher: a whole school or office can share one address


def _subjects(username: str, address: str) -> list[tuple[str, str, int]]:
    """(scope, hashed subject, limit) for this attempt; no address, no address subject."""
    subjects = [("login-fail:user", ratelimit.digest(username_key(username)), MAX_PER_USERNAME)]
    if address:
        subjects.append(("login-fail:addr", ratelimit.address_hash(address), MAX_PER_ADDRESS))
    return subjects


def minutes_locked(*, username: str, address: str) -> int:
    """Minutes until this username or address may try again; 0 when it may now."""
    seconds = ratelimit.seconds_locked(*[(s, h) for s, h, _ in _subjects(username, address)])
    return max(1, math.ceil(seconds / 60)) if seconds else 0


def record_failure(*, username: str, address: str) -> None:
    for scope, subject, limit in _subjects(username, address):
        if ratelimit.hit(scope, subject, window=WINDOW) >= limit:
            ratelimit.lock(scope, subject, seconds=LOCKOUT)


def clear_username(*, username: str) -> None:
    """A successful login forgives the username's failures (not the address's)."""
    scope, subject, _ = _subjects(username, "")[0]
    ratelimit.forget(scope, subject, window=WINDOW)
