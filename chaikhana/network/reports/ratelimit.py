"""How many reports one reader may file: guests by the day's address hash, members by account.

A fixed window (core.ratelimit): enough to stop a script flooding the queue, loose enough for
a reader who finds a whole thread of abuse.
"""

from __future__ import annotations

from chaikhana.core import ratelimit

WINDOW = 60 * 60
PER_GUEST_ADDRESS = 5
PER_ACCOUNT = 30


def allow(*, reporter_id: int | None, address_hash: str) -> bool:
    """Count one report; False when this reader has used up the window's allowance."""
    if reporter_id is not None:
        return ratelimit.hit("reports-account", str(reporter_id), window=WINDOW) <= PER_ACCOUNT
    # A guest with no address at all (a misconfigured proxy) shares one allowance with others.
    subject = address_hash or "none"
    return ratelimit.hit("reports-address", subject, window=WINDOW) <= PER_GUEST_ADDRESS
