"""The school's pages as a visitor, a student and the staff use them."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.courses.models import Registration, Session
from chaikhana.courses.tests.factories import (
    CourseFactory,
    MaterialFactory,
    RegistrationFactory,
    SessionFactory,
    TutorProfileFactory,
)

# Calendar UIDs carry the network's host (RFC 5545 §3.8.4.7: globally unique).
SITE_HOST = urlsplit(settings.SITE_URL).hostname

pytestmark = pytest.mark.django_db


class CatalogueTests:
    def test_lists_published_courses_with_seats_in_fixed_queries(
        self, client, django_assert_num_queries
    ):
        for n in range(3):
            session = SessionFactory(course=CourseFactory(title=f"Course {n}"), capacity=5)
            RegistrationFactory(session=session)
        CourseFactory(title="Secret draft", is_published=False)
        with django_assert_num_queries(2):  # courses, then their upcoming sessions with seats
            response = client.get(reverse("courses:catalogue"))
        html = response.content.decode()
        assert "Course 2" in html and "4 seats left" in html
        assert "Secret draft" not in html

    def test_each_card_shows_the_next_session_and_its_seats_in_fixed_queries(
        self, client, django_assert_num_queries
    ):
        now = timezone.now()
        for n in range(4):
            course = CourseFactory(title=f"Course {n}")
            later = SessionFactory(course=course, starts_at=now + timedelta(days=9), capacity=9)
            soon = SessionFactory(course=course, starts_at=now + timedelta(days=2), capacity=3)
            RegistrationFactory.create_batch(n, session=soon)
        with django_assert_num_queries(2):
            html = client.get(reverse("courses:catalogue")).content.decode()
        cards = html.split('class="course-card"')[1:]
        assert len(cards) == 4
        assert "3 seats left" in cards[0] and "Full: waitlist open" in cards[3]
        assert soon.get_absolute_url() in cards[3] and later.get_absolute_url() not in cards[3]
        assert "and 1 more date" in cards[3]

    def test_catalogue_links_the_all_sessions_calendar(self, client):
        html = client.get(reverse("courses:catalogue")).content.decode()
        feed = reverse("courses:calendar_all")
        assert f'<a href="{feed}" type="text/calendar">Subscribe to the calendar</a>' in html
        assert client.get(feed)["Content-Type"].startswith("text/calendar")

    def test_filters_by_audience_and_language(self, client):
        CourseFactory(title="For NGOs", for_ngos=True, language="ky")
        CourseFactory(title="For bloggers", for_bloggers=True, language="ky")
        response = client.get(reverse("courses:catalogue"), {"audience": "ngos", "language": "ky"})
        assert "For NGOs" in response.content.decode()
        assert "For bloggers" not in response.content.decode()

    def test_an_empty_school_says_courses_are_coming_not_to_loosen_filters(self, client):
        html = client.get(reverse("courses:catalogue")).content.decode()
        assert "No courses are open yet" in html and "Try fewer filters" not in html
        filtered = client.get(reverse("courses:catalogue"), {"language": "ky"}).content.decode()
        assert "Try fewer filters" in filtered


class CoursePageTests:
    def test_course_page_links_its_own_calendar_and_the_whole_schools(self, client):
        session = SessionFactory(title="Опрос на улице")
        course = session.course
        html = client.get(course.get_absolute_url()).content.decode()
        own = reverse("courses:course_calendar", args=[course.slug])
        assert f'href="{own}"' in html and f'href="{reverse("courses:calendar_all")}"' in html
        assert "Опрос на улице" in client.get(own).content.decode()

    def test_materials_are_hidden_from_visitors_when_for_enrolled_only(self, client):
        material = MaterialFactory(body="The secret handout")
        response = client.get(material.course.get_absolute_url())
        assert "The secret handout" not in response.content.decode()

    def test_enrolled_student_reads_the_materials(self, client, user):
        material = MaterialFactory(body="The secret handout")
        RegistrationFactory(session=SessionFactory(course=material.course), user=user)
        client.force_login(user)
        assert (
            "The secret handout" in client.get(material.course.get_absolute_url()).content.decode()
        )


class TutorPageTests:
    def test_shows_the_chosen_name_never_the_username(self, client):
        profile = TutorProfileFactory(
            display_name="Apa Gulnara", user=UserFactory(username="g_secret")
        )
        CourseFactory().tutors.add(profile.user)
        html = client.get(profile.get_absolute_url()).content.decode()
        assert "Apa Gulnara" in html and "g_secret" not in html


class RegisterViewTests:
    def test_signed_in_person_registers_in_one_click(self, client, user):
        session = SessionFactory()
        client.force_login(user)
        response = client.post(reverse("courses:register", args=[session.pk]), follow=True)
        assert "You are registered" in response.content.decode()
        assert session.registrations.get().user == user

    def test_guest_with_bad_phone_sees_the_message_and_keeps_her_name(self, client):
        session = SessionFactory()
        url = reverse("courses:register_guest", args=[session.pk])
        response = client.post(url, {"name": "Aigul Sadykova", "phone": "call me maybe"})
        html = response.content.decode()
        assert response.status_code == 400
        assert "Enter a phone number" in html and 'value="Aigul Sadykova"' in html
        assert not session.registrations.exists()

    def test_group_result_page_says_who_waits(self, client):
        session = SessionFactory(capacity=1)
        data = {
            "organisation": "Civic Voices",
            "contact_name": "Office",
            "contact_email": "office@example.org",
            "people": "Asel\nBolot, +996 555 000 111",
        }
        response = client.post(
            reverse("courses:register_group", args=[session.pk]), data, follow=True
        )
        html = response.content.decode()
        assert "Confirmed" in html and "On the waitlist" in html

    def test_cancelling_after_the_deadline_shows_a_clear_message(self, client):
        session = SessionFactory(starts_at=timezone.now() + timedelta(hours=3))
        registration = RegistrationFactory(session=session)
        response = client.post(reverse("courses:cancel", args=[registration.token]), follow=True)
        assert "Cancelling closed" in response.content.decode()


class ManageTests:
    def test_session_ending_before_it_starts_is_refused_next_to_the_field(self, client):
        course = CourseFactory()
        log_in_verified(client, UserFactory(is_staff=True))
        data = {
            "starts_at": "2031-05-01T10:00",
            "ends_at": "2031-05-01T09:00",
            "place": "Bishkek",
            "capacity": 10,
        }
        response = client.post(reverse("courses:session_new", args=[course.pk]), data)
        assert response.status_code == 400
        assert "must end after it starts" in response.content.decode()
        assert not Session.objects.exists()

    def test_session_times_are_read_in_bishkek_and_stored_in_utc(self, client):
        course = CourseFactory()
        log_in_verified(client, UserFactory(is_staff=True))
        data = {"starts_at": "2031-05-01T10:00", "ends_at": "2031-05-01T12:00",
                "place": "Bishkek", "capacity": 10}  # fmt: skip
        client.post(reverse("courses:session_new", args=[course.pk]), data)
        assert Session.objects.get().starts_at.astimezone(UTC).hour == 4  # UTC+6

    def test_tutor_may_not_edit_the_course_itself(self, client):
        tutor = UserFactory()
        course = CourseFactory()
        course.tutors.add(tutor)
        client.force_login(tutor)
        assert client.get(reverse("courses:course_edit", args=[course.pk])).status_code == 403
        assert client.get(reverse("courses:session_new", args=[course.pk])).status_code == 200


class CalendarTests:
    def test_session_file_parses_with_escaped_text_and_utc_times(self, client):
        course = CourseFactory(title="Ethics; law, and \\ more — очень длинное название курса " * 2)
        session = SessionFactory(course=course, place="Bishkek, Chui 1")
        response = client.get(reverse("courses:session_ics", args=[session.pk]))
        body = response.content
        assert all(len(line) <= 75 for line in body.split(b"\r\n"))
        event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
        assert str(event["SUMMARY"]) == course.title
        assert str(event["LOCATION"]) == "Bishkek, Chui 1"
        assert event["DTSTART"].dt == session.starts_at.replace(microsecond=0)

    def test_private_feed_lists_her_seats_only(self, client, user):
        mine = RegistrationFactory(user=user)
        RegistrationFactory()  # someone else's
        RegistrationFactory(user=user, status=Registration.Status.CANCELLED)
        client.force_login(user)
        client.get(reverse("courses:mine"))
        feed = client.get(user.course_calendar.get_absolute_url())
        events = icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
        assert [str(e["UID"]) for e in events] == [f"course-session-{mine.session_id}@{SITE_HOST}"]
