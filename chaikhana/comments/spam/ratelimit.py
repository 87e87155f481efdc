"""Comment rate limits per account and per network address (counted by core.ratelimit).

The address arrives already hashed (core.ratelimit.request_address_hash): it is never
stored, logged or used as a key.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from chaikhana.comments.spam import conf
from chaikhana.comments.spam.signals import Signal
from chaikhana.core import ratelimit


def _over(kind: str, subject: str, now: datetime) -> bool:
    # A list, not a generator: every window counts this submission, not only the first.
    hits = [
        ratelimit.hit(f"spam-{kind}", subject, window=window, now=now) > most
        for window, most in conf.rate_limits()[kind]
    ]
    return any(hits)


def check_rate(*, account_id: int | None, address: str, now: datetime) -> list[Signal]:
    """Count this submission against its limits; a hold once any of them is exceeded."""
    subjects = {"account": str(account_id or ""), "address": address}
    over = [kind for kind, subject in subjects.items() if subject and _over(kind, subject, now)]
    if not over:
        return []
    message = _("You are commenting faster than usual, so a moderator will look first.")
    return [Signal("hold", f"rate-{over[0]}", message)]
