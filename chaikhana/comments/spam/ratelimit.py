"""Rate limits per account and per network address, counted in the cache.

The address is never stored, logged or used as a key: :func:`address_hash` turns it into an
HMAC with the secret key and the day, so keys cannot be reversed and rotate daily (as the
login throttle in accounts/throttle.py does).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from chaikhana.comments.spam import conf
from chaikhana.comments.spam.signals import Signal
from chaikhana.core.addresses import client_address


def _network(address: str) -> str:
    """The unit a person controls: one IPv4 address, or an IPv6 /64 (handed out whole)."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def address_hash(request: HttpRequest, now: datetime | None = None) -> str:
    """HMAC-SHA256 of the client's address, keyed with SECRET_KEY and today's salt; "" if none."""
    address = client_address(request)
    if not address:
        return ""
    day = (now or datetime.now(UTC)).astimezone(UTC).date().isoformat()
    key = f"{settings.SECRET_KEY}\0spam-address\0{day}".encode()
    return hmac.new(key, _network(address).encode(), hashlib.sha256).hexdigest()


def _hit(key: str, window: int, now: datetime) -> int:
    """Count one submission in *key*'s current fixed window; return the window's total."""
    bucket = f"spam:rate:{key}:{window}:{int(now.timestamp()) // window}"
    if cache.add(bucket, 1, window + 5):  # add is atomic: one request opens the window
        return 1
    try:
        return int(cache.incr(bucket))
    except ValueError:  # the window expired between add and incr
        return _hit(key, window, now)


def _over(kind: str, subject: str, now: datetime) -> bool:
    # A list, not a generator: every window counts this submission, not only the first.
    hits = [_hit(f"{kind}:{subject}", w, now) > most for w, most in conf.rate_limits()[kind]]
    return any(hits)


def check_rate(*, account_id: int | None, address: str, now: datetime) -> list[Signal]:
    """Count this submission against its limits; a hold once any of them is exceeded."""
    subjects = {"account": str(account_id or ""), "address": address}
    over = [kind for kind, subject in subjects.items() if subject and _over(kind, subject, now)]
    if not over:
        return []
    message = _("You are commenting faster than usual, so a moderator will look first.")
    return [Signal("hold", f"rate-{over[0]}", message)]
