"""Changing sessions as a whole: cancelling one tells everyone registered."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import InvalidTransition
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.courses import tasks
from chaikhana.courses.actions.seats import lock_session
from chaikhana.courses.actions.waitlist import promote_from_waitlist, schedule_reminders
from chaikhana.courses.models import Session


@transaction.atomic
def cancel_session(*, session: Session, by: User, now: datetime | None = None) -> Session:
    """Cancel *session*; everyone registered, waitlisted or offered a seat gets a mail."""
    now = now or timezone.now()
    session = lock_session(session.pk)
    if session.is_cancelled:
        raise InvalidTransition(_("This session is already cancelled."))
    session.status, session.cancelled_at = Session.Status.CANCELLED, now
    session.save(update_fields=["status", "cancelled_at"])
    enqueue_on_commit(tasks.notify_session_cancelled_task, session_id=session.pk)
    return session


@transaction.atomic
def save_session(*, session: Session) -> Session:
    """Save a new or changed session: added seats go to the waitlist, reminders follow the time."""
    session.save()
    promote_from_waitlist(session=session)
    schedule_reminders(session)
    return session
