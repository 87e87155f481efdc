"""Taking attendance, and the roster's private notes and payments, in one save per session."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.courses.certificates import issue_due_certificates
from chaikhana.courses.models import Certificate, Registration, Session


@dataclass(frozen=True)
class RosterEntry:
    """What the roster form says about one registration; None leaves a value as it was."""

    attended: bool
    note: str
    paid_amount: Decimal | None = None
    set_payment: bool = False


@transaction.atomic
def save_roster(
    *,
    session: Session,
    entries: Mapping[int, RosterEntry],
    by: User,
    now: datetime | None = None,
) -> list[Certificate]:
    """Save attendance (and notes, and payments when given) for *session* in one go.

    Returns the certificates this attendance completed. Only confirmed seats can be marked
    present: a waitlisted person was not in the room.
    """
    now = now or timezone.now()
    if session.is_cancelled:
        raise ActionError(_("This session was cancelled; there is no attendance to take."))
    registrations = {r.pk: r for r in session.registrations.active().select_for_update()}
    if set(entries) - set(registrations):
        raise ActionError(_("The roster changed meanwhile; please reload the page."))
    if any(e.attended for e in entries.values()) and not session.has_started(now):
        raise ActionError(_("Attendance can be taken once the session has started."))
    for pk, entry in entries.items():
        _apply(registrations[pk], entry)
    return issue_due_certificates(course=session.course, now=now)


def _apply(registration: Registration, entry: RosterEntry) -> None:
    attended = entry.attended and registration.status == Registration.Status.CONFIRMED
    fields = {"attended": attended, "tutor_note": entry.note.strip()}
    if entry.set_payment:
        fields["paid_amount"] = entry.paid_amount
    changed = [name for name, value in fields.items() if getattr(registration, name) != value]
    for name in changed:
        setattr(registration, name, fields[name])
    if changed:
        registration.save(update_fields=changed)
