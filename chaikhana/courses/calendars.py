"""A student's private calendar address: created on first use, replaced when she asks."""

from __future__ import annotations

from django.db import transaction

from chaikhana.accounts.models import User
from chaikhana.courses.models import StudentCalendar
from chaikhana.courses.models.registration import new_token


def calendar_of(user: User) -> StudentCalendar:
    calendar, _created = StudentCalendar.objects.get_or_create(user=user)
    return calendar


@transaction.atomic
def regenerate_calendar_token(*, user: User) -> StudentCalendar:
    """A new secret address; the old one stops working at once (for a leaked link)."""
    calendar = calendar_of(user)
    calendar.token = new_token()
    calendar.save(update_fields=["token"])
    return calendar
