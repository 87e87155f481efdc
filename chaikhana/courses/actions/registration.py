"""Taking a seat (or a place on the waitlist), and giving it back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.courses import signals, tasks
from chaikhana.courses.actions.seats import guard_open, lock_session, seats_left
from chaikhana.courses.actions.waitlist import promote_from_waitlist, schedule_reminders
from chaikhana.courses.models import GroupRegistration, Notice, Registration, Session
from chaikhana.courses.validators import normalise_phone

MAX_GROUP = 30
Status = Registration.Status


@dataclass(frozen=True)
class Person:
    """Someone registered without an account: a name, and how to reach her."""

    name: str
    email: str = ""
    phone: str = ""


def clean_person(person: Person, *, contact_required: bool = True) -> Person:
    """The person with her email lower-cased and phone normalised, or ActionError on a field."""
    name, email, phone = person.name.strip(), person.email.strip(), person.phone.strip()
    if not name:
        raise ActionError(_("Please tell us your name."), field="name")
    if contact_required and not (email or phone):
        raise ActionError(_("Give an email address or a phone number."), field="email")
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise ActionError(_("Enter a valid email address."), field="email") from error
    if phone:
        try:
            phone = normalise_phone(phone)
        except ValidationError as error:
            raise ActionError(error.messages[0], field="phone") from error
    return Person(name=name, email=email.lower(), phone=phone)


def _already(person_name: str = "") -> ActionError:
    if person_name:
        message = _("%(name)s is already registered for this session.") % {"name": person_name}
        return ActionError(message, field="people")
    return ActionError(_("You are already registered for this session."), field="email")


def _place(session: Session, now: datetime, **fields: Any) -> Registration:
    """A new registration: a seat while there is one, else the end of the waitlist."""
    status = Status.CONFIRMED if seats_left(session) > 0 else Status.WAITLISTED
    try:
        # A savepoint, so a duplicate caught by the database leaves the transaction usable.
        with transaction.atomic():
            registration = Registration.objects.create(
                session=session, status=status, created_at=now, **fields
            )
    except IntegrityError as error:
        raise _already(fields.get("name", "") if fields.get("group") else "") from error
    if status == Status.CONFIRMED:
        schedule_reminders(session)
    transaction.on_commit(
        partial(signals.registration_created.send, Registration, registration_id=registration.pk)
    )
    return registration


def _announce(registration: Registration) -> None:
    enqueue_on_commit(
        tasks.send_notice_task, registration_id=registration.pk, kind=Notice.Kind.REGISTERED
    )


@transaction.atomic
def register(*, session: Session, user: User, now: datetime | None = None) -> Registration:
    """Register a signed-in person in one click; a full session puts her on the waitlist."""
    now = now or timezone.now()
    session = lock_session(session.pk)
    guard_open(session, now)
    if session.registrations.active().filter(user=user).exists():
        raise _already()
    registration = _place(session, now, user=user)
    _announce(registration)
    return registration


@transaction.atomic
def register_guest(
    *, session: Session, person: Person, now: datetime | None = None
) -> Registration:
    """Register someone without an account, by her name and an email or a phone number."""
    now = now or timezone.now()
    person = clean_person(person)
    session = lock_session(session.pk)
    guard_open(session, now)
    active = session.registrations.active().filter(user=None)
    if person.email and active.filter(email__iexact=person.email).exists():
        raise _already()
    registration = _place(session, now, name=person.name, email=person.email, phone=person.phone)
    _announce(registration)
    return registration


def _clean_group(people: Sequence[Person]) -> list[Person]:
    cleaned = [clean_person(p, contact_required=False) for p in people if p.name.strip()]
    if not cleaned:
        raise ActionError(_("Name at least one person."), field="people")
    if len(cleaned) > MAX_GROUP:
        message = _("At most %(count)d people in one registration.") % {"count": MAX_GROUP}
        raise ActionError(message, field="people")
    emails = [p.email for p in cleaned if p.email]
    if len(emails) != len(set(emails)):
        raise ActionError(_("Each person needs her own email address."), field="people")
    return cleaned


@transaction.atomic
def register_group(
    *,
    session: Session,
    organisation: str,
    contact: Person,
    people: Sequence[Person],
    by: User | None = None,
    now: datetime | None = None,
) -> GroupRegistration:
    """Register several named people of one organisation at once.

    Not all-or-nothing: seats are given in the order the people are listed, and whoever does
    not fit joins the waitlist (the result page says who is where). A duplicate refuses the
    whole submission, so a corrected resubmission never leaves half a group behind.
    """
    now = now or timezone.now()
    organisation = organisation.strip()
    if not organisation:
        raise ActionError(_("Please give the organisation's name."), field="organisation")
    contact = clean_person(contact)
    cleaned = _clean_group(people)
    session = lock_session(session.pk)
    guard_open(session, now)
    group = GroupRegistration.objects.create(
        session=session,
        organisation=organisation,
        contact_email=contact.email,
        contact_phone=contact.phone,
        registered_by=by,
    )
    for person in cleaned:
        fields = {"name": person.name, "email": person.email, "phone": person.phone}
        _announce(_place(session, now, group=group, **fields))
    return group


def _cancel(registration: Registration, now: datetime) -> None:
    if registration.status == Status.CANCELLED:
        raise InvalidTransition(_("This registration is already cancelled."))
    registration.status, registration.cancelled_at = Status.CANCELLED, now
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])


@transaction.atomic
def cancel_registration(*, registration: Registration, now: datetime | None = None) -> Registration:
    """The student gives back her seat (before the deadline) or leaves the waitlist."""
    now = now or timezone.now()
    session = lock_session(registration.session_id)
    registration.refresh_from_db()
    deadline = session.effective_cancel_deadline()
    # Only a confirmed seat has a deadline: the waitlist and an offer cost nobody anything.
    if registration.status == Status.CONFIRMED and now >= deadline:
        when = formats.date_format(timezone.localtime(deadline), "DATETIME_FORMAT")
        raise ActionError(
            _("Cancelling closed at %(deadline)s. Please write to the school.") % {"deadline": when}
        )
    _cancel(registration, now)
    promote_from_waitlist(session=session, now=now)
    return registration


@transaction.atomic
def withdraw_registration(
    *, registration: Registration, by: User, now: datetime | None = None
) -> Registration:
    """Staff or a tutor cancel a registration, at any time before the session."""
    now = now or timezone.now()
    session = lock_session(registration.session_id)
    registration.refresh_from_db()
    _cancel(registration, now)
    promote_from_waitlist(session=session, now=now)
    return registration
