"""Registering, the waitlist, offers and cancellations, as the people involved see them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import UserFactory
from chaikhana.courses.actions import (
    Person,
    cancel_registration,
    cancel_session,
    confirm_offer,
    expire_offers,
    register,
    register_group,
    register_guest,
)
from chaikhana.courses.models import Registration
from chaikhana.courses.tasks import notify_session_cancelled_task
from chaikhana.courses.tests.factories import RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


class RegisterTests:
    def test_signed_in_person_gets_a_seat_when_one_is_free(self, user):
        registration = register(session=SessionFactory(capacity=1), user=user)
        assert registration.status == Status.CONFIRMED

    def test_registering_twice_is_refused_without_a_second_row(self, user):
        session = SessionFactory()
        register(session=session, user=user)
        with pytest.raises(ActionError, match="already registered"):
            register(session=session, user=user)
        assert session.registrations.count() == 1

    def test_full_session_puts_her_on_the_waitlist(self, user):
        session = SessionFactory(capacity=1)
        RegistrationFactory(session=session)
        registration = register(session=session, user=user)
        assert registration.status == Status.WAITLISTED
        assert registration.waitlist_position() == 1

    def test_past_session_is_refused(self, user):
        session = SessionFactory(starts_at=timezone.now() - timedelta(hours=1))
        with pytest.raises(ActionError, match="already started"):
            register(session=session, user=user)
        assert not session.registrations.exists()

    def test_cancelled_session_is_refused(self, user):
        session = SessionFactory(status="cancelled")
        with pytest.raises(ActionError, match="cancelled"):
            register(session=session, user=user)


class RegisterGuestTests:
    def test_guest_with_email_is_registered_and_mailed_her_link(self, mailoutbox, committed):
        person = Person(name="Aigul", email="Aigul@Example.org")
        with committed(execute=True):
            registration = register_guest(session=SessionFactory(), person=person)
        assert registration.email == "aigul@example.org"
        assert registration.get_absolute_url() in mailoutbox[0].body

    def test_guest_with_only_a_phone_is_registered(self):
        person = Person(name="Bakyt", phone="+996 555 123-456")
        registration = register_guest(session=SessionFactory(), person=person)
        assert registration.phone == "+996555123456"

    @pytest.mark.parametrize(
        ("person", "field"),
        [
            (Person(name="A", email="not-an-email"), "email"),
            (Person(name="A", phone="call me"), "phone"),
            (Person(name="A", phone="12"), "phone"),
            (Person(name="A"), "email"),
            (Person(name=" ", email="a@example.org"), "name"),
        ],
    )
    def test_bad_contact_is_refused_on_its_field(self, person, field):
        session = SessionFactory()
        with pytest.raises(ActionError) as caught:
            register_guest(session=session, person=person)
        assert caught.value.field == field
        assert not session.registrations.exists()

    def test_same_guest_email_twice_is_refused(self):
        session = SessionFactory()
        register_guest(session=session, person=Person(name="A", email="a@example.org"))
        with pytest.raises(ActionError, match="already registered"):
            register_guest(session=session, person=Person(name="B", email="A@example.org"))
        assert session.registrations.count() == 1


class RegisterGroupTests:
    def test_seats_go_in_order_and_the_rest_wait(self):
        session = SessionFactory(capacity=2)
        people = [Person(name=n) for n in ("Asel", "Bolot", "Cholpon")]
        group = register_group(
            session=session,
            organisation="Civic Voices",
            contact=Person(name="Office", email="office@example.org"),
            people=people,
        )
        statuses = [(r.name, r.status) for r in group.registrations.order_by("id")]
        assert statuses == [
            ("Asel", Status.CONFIRMED),
            ("Bolot", Status.CONFIRMED),
            ("Cholpon", Status.WAITLISTED),
        ]

    def test_a_duplicate_person_refuses_the_whole_group(self):
        session = SessionFactory()
        register_guest(session=session, person=Person(name="Asel", email="asel@example.org"))
        with pytest.raises(ActionError, match="Asel"):
            register_group(
                session=session,
                organisation="Civic Voices",
                contact=Person(name="Office", email="office@example.org"),
                people=[Person(name="Bolot"), Person(name="Asel", email="asel@example.org")],
            )
        assert session.registrations.count() == 1
        assert not session.groups.exists()


class CancelRegistrationTests:
    def test_freed_seat_is_offered_to_the_first_on_the_waitlist(self, mailoutbox, committed):
        session = SessionFactory(capacity=1)
        seated = RegistrationFactory(session=session)
        first = RegistrationFactory(session=session, status=Status.WAITLISTED)
        second = RegistrationFactory(session=session, status=Status.WAITLISTED)
        first.user.email = "first@example.org"
        first.user.save()
        with committed(execute=True):
            cancel_registration(registration=seated)
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.status, second.status) == (Status.OFFERED, Status.WAITLISTED)
        assert [m.to for m in mailoutbox] == [["first@example.org"]]

    def test_cancelling_after_the_deadline_is_refused(self):
        session = SessionFactory(starts_at=timezone.now() + timedelta(hours=2))
        seated = RegistrationFactory(session=session)
        with pytest.raises(ActionError, match="Cancelling closed"):
            cancel_registration(registration=seated)
        seated.refresh_from_db()
        assert seated.status == Status.CONFIRMED

    def test_leaving_the_waitlist_is_allowed_after_the_deadline(self):
        session = SessionFactory(starts_at=timezone.now() + timedelta(hours=2))
        waiting = RegistrationFactory(session=session, status=Status.WAITLISTED)
        assert cancel_registration(registration=waiting).status == Status.CANCELLED


class OfferTests:
    def _offered(self):
        session = SessionFactory(capacity=1)
        seated = RegistrationFactory(session=session)
        waiting = RegistrationFactory(session=session, status=Status.WAITLISTED)
        nxt = RegistrationFactory(session=session, status=Status.WAITLISTED)
        cancel_registration(registration=seated)
        waiting.refresh_from_db()
        return waiting, nxt

    def test_confirming_an_offer_takes_the_seat(self):
        offered, _ = self._offered()
        assert confirm_offer(registration=offered).status == Status.CONFIRMED

    def test_expired_offer_goes_to_the_next_person(self):
        offered, nxt = self._offered()
        later = offered.offer_expires_at + timedelta(minutes=1)
        assert expire_offers(now=later) == 1
        offered.refresh_from_db()
        nxt.refresh_from_db()
        assert (offered.status, nxt.status) == (Status.CANCELLED, Status.OFFERED)
        with pytest.raises(ActionError):
            confirm_offer(registration=offered, now=later)

    def test_expiring_twice_changes_nothing_more(self):
        offered, nxt = self._offered()
        later = offered.offer_expires_at + timedelta(minutes=1)
        expire_offers(now=later)
        assert expire_offers(now=later) == 0
        nxt.refresh_from_db()
        assert nxt.status == Status.OFFERED


class CancelSessionTests:
    def test_everyone_registered_is_told_once(self, mailoutbox, committed):
        session = SessionFactory(capacity=1)
        for status in (Status.CONFIRMED, Status.WAITLISTED, Status.CANCELLED):
            RegistrationFactory(
                session=session, status=status, user=UserFactory(email=f"{status}@example.org")
            )
        with committed(execute=True):
            cancel_session(session=session, by=UserFactory(is_staff=True))
        notify_session_cancelled_task.call(session_id=session.pk)  # a repeated delivery
        told = sorted(m.to[0] for m in mailoutbox)
        assert told == ["confirmed@example.org", "waitlisted@example.org"]
