"""Mail about a registration, sent once per kind even when the task queue repeats itself.

Task queues deliver at least once: a worker that dies after sending but before recording can
run a task again, and two workers can pick up the same reminder. Each mail is therefore sent
inside a transaction that first locks the registration row and checks for a Notice row of
that kind; the Notice is written in the same transaction, after the mail server accepted the
message. A second run waits on the lock, sees the Notice and does nothing. A failed send
rolls back, leaving no Notice, so the next run tries again. The one remaining duplicate is a
crash between the server's acceptance and the COMMIT — a window of milliseconds; we prefer
that to the alternative (record first, then send), which loses the mail on a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from chaikhana.courses import conf, mail
from chaikhana.courses.models import Notice, Registration, Session

Kind = Notice.Kind
MAILERS: dict[str, Callable[[Registration], bool]] = {
    Kind.REGISTERED: mail.mail_registered,
    Kind.OFFER: mail.mail_offer,
    Kind.REMINDER: mail.mail_reminder,
    Kind.SESSION_CANCELLED: mail.mail_session_cancelled,
}


def _still_wanted(registration: Registration, kind: str) -> bool:
    status = registration.status
    if kind == Kind.OFFER:
        return status == Registration.Status.OFFERED
    if kind == Kind.REMINDER:
        return status == Registration.Status.CONFIRMED and not registration.session.is_cancelled
    if kind == Kind.SESSION_CANCELLED:
        return status != Registration.Status.CANCELLED
    return status != Registration.Status.CANCELLED


@transaction.atomic
def send_notice(*, registration_id: int, kind: str, now: datetime | None = None) -> bool:
    """Send the *kind* mail about a registration unless it went already; True if sent now."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("session__course", "user", "group")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or not _still_wanted(registration, kind):
        return False
    if Notice.objects.filter(registration=registration, kind=kind).exists():
        return False
    if not MAILERS[kind](registration):
        return False  # nobody to write to (a guest who left only a phone number)
    Notice.objects.create(registration=registration, kind=kind, sent_at=now or timezone.now())
    return True


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Remind everyone with a seat in a session starting within a day; returns mails sent."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        session__status=Session.Status.SCHEDULED,
        session__starts_at__gt=now,
        session__starts_at__lte=now + conf.reminder_before(),
    ).exclude(notices__kind=Kind.REMINDER)
    ids = list(due.values_list("pk", flat=True))
    return sum(send_notice(registration_id=pk, kind=Kind.REMINDER, now=now) for pk in ids)
