"""The waitlist: offering freed seats in order, confirming offers, letting stale ones lapse."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.courses import conf, tasks
from chaikhana.courses.actions.seats import lock_session, seats_left
from chaikhana.courses.models import Notice, Registration, Session

Status = Registration.Status


def schedule_reminders(session: Session) -> None:
    """Wake the reminder task a day before *session*; it sends whatever is due then."""
    enqueue_on_commit(
        tasks.send_due_reminders_task, run_after=session.starts_at - conf.reminder_before()
    )


@transaction.atomic
def promote_from_waitlist(*, session: Session, now: datetime | None = None) -> list[Registration]:
    """Offer each free seat to the next person on the waitlist, in the order they joined."""
    now = now or timezone.now()
    session = lock_session(session.pk)
    if session.is_cancelled or session.has_started(now):
        return []
    free = seats_left(session)
    if free <= 0:
        return []
    # An offer never outlives the session's start: after it, the seat is worth nothing.
    expires = min(now + timedelta(hours=conf.offer_hours()), session.starts_at)
    offered = list(session.registrations.waitlist()[:free])
    for registration in offered:
        registration.status, registration.offer_expires_at = Status.OFFERED, expires
        registration.save(update_fields=["status", "offer_expires_at"])
        enqueue_on_commit(
            tasks.send_notice_task, registration_id=registration.pk, kind=Notice.Kind.OFFER
        )
    if offered:
        enqueue_on_commit(tasks.expire_offers_task, run_after=expires)
    return offered


@transaction.atomic
def confirm_offer(*, registration: Registration, now: datetime | None = None) -> Registration:
    """Take the seat offered from the waitlist, while the offer stands."""
    now = now or timezone.now()
    session = lock_session(registration.session_id)
    registration.refresh_from_db()
    if registration.status != Status.OFFERED:
        raise InvalidTransition(_("There is no seat offer to confirm on this registration."))
    assert registration.offer_expires_at is not None
    if registration.offer_expires_at <= now:
        when = formats.date_format(
            timezone.localtime(registration.offer_expires_at), "DATETIME_FORMAT"
        )
        raise ActionError(_("This offer expired at %(time)s.") % {"time": when})
    registration.status, registration.offer_expires_at = Status.CONFIRMED, None
    registration.save(update_fields=["status", "offer_expires_at"])
    schedule_reminders(session)
    return registration


def expire_offers(*, now: datetime | None = None) -> int:
    """Cancel the offers whose time is up and offer their seats to the next in line.

    Safe to run at any time and any number of times: it acts only on offers past their
    expiry, each session in its own transaction under the session lock.
    """
    now = now or timezone.now()
    stale = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    expired = 0
    for session_id in set(stale.values_list("session_id", flat=True)):
        expired += _expire_for_session(session_id, now)
    return expired


@transaction.atomic
def _expire_for_session(session_id: int, now: datetime) -> int:
    session = lock_session(session_id)
    stale = session.registrations.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    count = stale.update(status=Status.CANCELLED, cancelled_at=now, offer_expires_at=None)
    promote_from_waitlist(session=session, now=now)
    return count
