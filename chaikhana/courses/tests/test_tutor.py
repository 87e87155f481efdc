"""The tutor's roster: who sees it, one POST for attendance and notes, the CSV export."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.courses.models import Certificate, GroupRegistration, Registration
from chaikhana.courses.tests.factories import (
    CourseFactory,
    GuestRegistrationFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutor():
    return UserFactory()


@pytest.fixture
def session(tutor):
    course = CourseFactory()
    course.tutors.add(tutor)
    start = timezone.now() - timedelta(hours=3)
    return SessionFactory(course=course, starts_at=start, ends_at=start + timedelta(hours=2))


def roster_url(session):
    return reverse("courses:roster", args=[session.pk])


class RosterPageTests:
    def test_shows_names_contacts_status_and_organisation(self, client, tutor, session):
        RegistrationFactory(
            session=session, user=UserFactory(display_name="Айгуль", email="a@example.org")
        )
        group = GroupRegistration.objects.create(session=session, organisation="Civic Voices")
        GuestRegistrationFactory(session=session, name="Нурбек", group=group, status="waitlisted")
        client.force_login(tutor)
        page = client.get(roster_url(session)).content.decode()
        for text in ("Айгуль", "a@example.org", "Нурбек", "Civic Voices", "On the waitlist"):
            assert text in page

    def test_query_count_does_not_grow_with_the_roster(
        self, client, tutor, session, django_assert_num_queries
    ):
        client.force_login(tutor)
        RegistrationFactory(session=session)
        client.get(roster_url(session))
        for _ in range(5):
            GuestRegistrationFactory(session=session)
        # One of them asks whether she holds a role that needs a second factor (the desk).
        with django_assert_num_queries(6):
            client.get(roster_url(session))

    def test_a_tutor_of_another_course_is_refused_with_a_reason(self, client, session):
        client.force_login(UserFactory())
        response = client.post(roster_url(session), {})
        assert response.status_code == 403
        assert "course you do not teach" in response.content.decode()

    def test_a_guest_is_sent_to_log_in(self, client, session):
        assert client.get(roster_url(session)).status_code == 302

    def test_one_post_saves_attendance_and_notes_and_issues_the_certificate(
        self, client, tutor, session
    ):
        here, away = RegistrationFactory(session=session), RegistrationFactory(session=session)
        client.force_login(tutor)
        response = client.post(
            roster_url(session),
            {f"attended-{here.pk}": "on", f"note-{here.pk}": "sharp", f"note-{away.pk}": "ill"},
            follow=True,
        )
        here.refresh_from_db()
        away.refresh_from_db()
        assert (here.attended, here.tutor_note, away.attended, away.tutor_note) == (
            True,
            "sharp",
            False,
            "ill",
        )
        assert Certificate.objects.get().user == here.user
        assert "Certificate issued" in response.content.decode()

    def test_notes_are_not_on_the_public_session_page(self, client, tutor, session):
        RegistrationFactory(session=session, tutor_note="needs a translator")
        assert "needs a translator" not in client.get(session.get_absolute_url()).content.decode()

    def test_a_bad_payment_is_shown_by_its_field_and_nothing_is_saved(self, client, session):
        registration = RegistrationFactory(session=session)
        log_in_verified(client, UserFactory(is_staff=True))
        response = client.post(
            roster_url(session),
            {
                f"attended-{registration.pk}": "on",
                f"note-{registration.pk}": "typed note",
                f"paid-{registration.pk}": "-5",
            },
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "typed note" in page and "greater than or equal to 0" in page
        registration.refresh_from_db()
        assert (registration.attended, registration.tutor_note) == (False, "")

    def test_staff_record_payments_and_tutors_have_no_payment_field(self, client, tutor, session):
        registration = RegistrationFactory(session=session)
        client.force_login(tutor)
        assert f"paid-{registration.pk}" not in client.get(roster_url(session)).content.decode()
        log_in_verified(client, UserFactory(is_staff=True))
        client.post(roster_url(session), {f"paid-{registration.pk}": "1500"})
        registration.refresh_from_db()
        assert str(registration.paid_amount) == "1500.00"

    def test_attendance_before_the_start_is_refused_next_to_the_form(self, client, tutor):
        later = SessionFactory()
        later.course.tutors.add(tutor)
        registration = RegistrationFactory(session=later)
        client.force_login(tutor)
        response = client.post(roster_url(later), {f"attended-{registration.pk}": "on"})
        assert response.status_code == 400
        assert "once the session has started" in response.content.decode()


class RosterCsvTests:
    def test_has_a_bom_cyrillic_and_defused_formulas(self, client, tutor, session):
        GuestRegistrationFactory(
            session=session, name='=HYPERLINK("http://x")', email="x@example.org"
        )
        RegistrationFactory(
            session=session, user=UserFactory(display_name="Айгуль"), tutor_note="+7 700"
        )
        client.force_login(tutor)
        response = client.get(reverse("courses:roster_csv", args=[session.pk]))
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        body = response.content
        assert body.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert "Айгуль" in cells
        assert '\'=HYPERLINK("http://x")' in cells and "'+7 700" in cells

    def test_is_refused_to_other_people(self, client, session):
        client.force_login(UserFactory())
        assert client.get(reverse("courses:roster_csv", args=[session.pk])).status_code == 403


class DashboardTests:
    def test_lists_her_sessions_only(self, client, tutor, session):
        SessionFactory(course=CourseFactory(title="Someone else's"))
        client.force_login(tutor)
        page = client.get(reverse("courses:teaching")).content.decode()
        assert session.course.title in page and "Someone else" not in page
        assert Registration.objects.count() == 0
