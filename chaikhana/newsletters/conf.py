"""The newsletters' tunables, read at call time so tests and the environment can change them."""

from __future__ import annotations

from django.conf import settings


def _get(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def confirm_hours() -> int:
    """How long a confirmation link works."""
    return _get("NEWSLETTERS_CONFIRM_HOURS", 48)


def grace_days() -> int:
    """How long an unsubscribed address is kept (to honour a late click) before deletion."""
    return _get("NEWSLETTERS_GRACE_DAYS", 30)


def batch_size() -> int:
    """Messages one task sends before it hands over to the next (one SMTP connection)."""
    return _get("NEWSLETTERS_BATCH", 100)


def default_per_hour() -> int:
    """The network's hourly budget when the administrator has not set one."""
    return _get("NEWSLETTERS_PER_HOUR", 2000)


def subscribe_per_address_hour() -> int:
    """Subscription requests one network address may make in an hour."""
    return _get("NEWSLETTERS_SUBSCRIBE_PER_ADDRESS_HOUR", 10)


def subscribe_per_mailbox_day() -> int:
    """Confirmation messages one mailbox may be sent in a day."""
    return _get("NEWSLETTERS_SUBSCRIBE_PER_MAILBOX_DAY", 3)
