"""The courses app's tunables: typed, read from settings with their defaults here."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings


def offer_hours() -> int:
    """Hours a promoted student has to confirm a freed seat (COURSES_OFFER_HOURS)."""
    return int(getattr(settings, "COURSES_OFFER_HOURS", 24))


def cancel_hours() -> int:
    """Hours before the start after which students may no longer cancel themselves."""
    return int(getattr(settings, "COURSES_CANCEL_HOURS", 24))


def reminder_before() -> timedelta:
    """How long before a session its reminder goes out: one day."""
    return timedelta(hours=int(getattr(settings, "COURSES_REMINDER_HOURS", 24)))
