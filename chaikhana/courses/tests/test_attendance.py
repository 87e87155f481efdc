"""Taking attendance: one save per session, only seats count, certificates follow."""

from datetime import timedelta

import pytest
from django.utils import timezone

from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import UserFactory
from chaikhana.courses.attendance import RosterEntry, save_roster
from chaikhana.courses.models import Certificate, Registration
from chaikhana.courses.tests.factories import RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def past_session(**kwargs):
    start = timezone.now() - timedelta(hours=3)
    return SessionFactory(starts_at=start, ends_at=start + timedelta(hours=2), **kwargs)


class SaveRosterTests:
    def test_marks_present_and_absent_and_keeps_notes(self):
        session = past_session()
        here, away = RegistrationFactory(session=session), RegistrationFactory(session=session)
        save_roster(
            session=session,
            entries={
                here.pk: RosterEntry(attended=True, note="  asked good questions "),
                away.pk: RosterEntry(attended=False, note=""),
            },
            by=UserFactory(is_staff=True),
        )
        here.refresh_from_db()
        away.refresh_from_db()
        assert (here.attended, here.tutor_note) == (True, "asked good questions")
        assert away.attended is False

    def test_a_waitlisted_person_cannot_be_marked_present(self):
        session = past_session()
        waiting = RegistrationFactory(session=session, status=Registration.Status.WAITLISTED)
        save_roster(
            session=session,
            entries={waiting.pk: RosterEntry(attended=True, note="")},
            by=UserFactory(),
        )
        waiting.refresh_from_db()
        assert waiting.attended is False

    def test_refused_before_the_session_starts_and_nothing_is_written(self):
        session = SessionFactory()
        registration = RegistrationFactory(session=session)
        with pytest.raises(ActionError, match="once the session has started"):
            save_roster(
                session=session,
                entries={registration.pk: RosterEntry(attended=True, note="x")},
                by=UserFactory(),
            )
        registration.refresh_from_db()
        assert (registration.attended, registration.tutor_note) == (False, "")

    def test_refused_for_a_registration_of_another_session(self):
        session, other = past_session(), RegistrationFactory()
        with pytest.raises(ActionError, match="reload"):
            save_roster(
                session=session,
                entries={other.pk: RosterEntry(attended=True, note="")},
                by=UserFactory(),
            )

    def test_payment_is_recorded_only_when_asked(self):
        session = past_session()
        registration = RegistrationFactory(session=session, paid_amount="500.00")
        save_roster(
            session=session,
            entries={registration.pk: RosterEntry(attended=False, note="")},
            by=UserFactory(),
        )
        registration.refresh_from_db()
        assert str(registration.paid_amount) == "500.00"

    def test_attending_the_only_session_issues_a_certificate(self):
        session = past_session()
        registration = RegistrationFactory(session=session)
        issued = save_roster(
            session=session,
            entries={registration.pk: RosterEntry(attended=True, note="")},
            by=UserFactory(),
        )
        assert [c.user for c in issued] == [registration.user]
        assert Certificate.objects.count() == 1
