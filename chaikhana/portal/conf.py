"""The portal's tunables: typed, read from settings at call time, with their defaults here."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

from chaikhana.portal.workflow import State

# Hours a submission may sit in a state before the desk marks it late. Scheduled and
# published stories are never late by age (a scheduled one is late once its time passed).
LATE_HOURS_DEFAULT: dict[str, int] = {
    State.AWAITING_AUTHOR.value: 7 * 24,
    State.SUBMITTED.value: 48,
    State.IN_REVIEW.value: 48,
    State.FACT_CHECK.value: 24,
    State.READY.value: 12,
    State.RETURNED.value: 7 * 24,
}


def late_after() -> dict[str, timedelta]:
    """How long each state may hold a submission before it is late (PORTAL_LATE_HOURS).

    The setting overrides single states: ``PORTAL_LATE_HOURS = {"fact_check": 12}``.
    """
    overrides: dict[str, int] = getattr(settings, "PORTAL_LATE_HOURS", {})
    hours = {**LATE_HOURS_DEFAULT, **{State(k).value: int(v) for k, v in overrides.items()}}
    return {state: timedelta(hours=n) for state, n in hours.items()}
