"""Counting seats under a lock: the one place that decides who gets the last one."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _

from chaikhana.core.errors import ActionError
from chaikhana.courses.models import Session


def lock_session(session_id: int) -> Session:
    """The session row, locked until the transaction ends.

    Every write that counts seats takes this lock first, so two people asking for the last
    seat at once are served one after the other and the second is waitlisted. PostgreSQL
    needs SELECT … FOR UPDATE; SQLite ignores it, but its IMMEDIATE transactions
    (settings.DATABASES) already let one writer in at a time.
    """
    return (
        Session.objects.select_for_update(of=("self",)).select_related("course").get(pk=session_id)
    )


def seats_left(session: Session) -> int:
    return session.capacity - session.registrations.holding_seats().count()


def guard_open(session: Session, now: datetime) -> None:
    if session.is_cancelled:
        raise ActionError(_("This session has been cancelled."))
    if session.has_started(now):
        raise ActionError(_("This session has already started; registration is closed."))
