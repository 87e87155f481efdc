"""Calendar feeds (RFC 5545) as calendar apps read them: parsed with the icalendar library."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.urls import reverse

from chaikhana.core.testing.factories import UserFactory
from chaikhana.courses.calendars import calendar_of
from chaikhana.courses.ics import fold
from chaikhana.courses.models import Registration, Session
from chaikhana.courses.tests.factories import CourseFactory, RegistrationFactory, SessionFactory

# Calendar UIDs carry the network's host (RFC 5545 §3.8.4.7: globally unique).
SITE_HOST = urlsplit(settings.SITE_URL).hostname

pytestmark = pytest.mark.django_db
BISHKEK = ZoneInfo("Asia/Bishkek")
LONG_TITLE = (
    "Журналистика данных: как проверять цифры, графики и заявления чиновников; часть первая"
)


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert b"\n" not in body.replace(b"\r\n", b"")
    return icalendar.Calendar.from_ical(body).walk("VEVENT")


def future_session(**kwargs):
    start = datetime(2031, 3, 5, 10, 0, tzinfo=BISHKEK)
    return SessionFactory(starts_at=start, ends_at=start + timedelta(hours=2), **kwargs)


class PublicFeedTests:
    def test_all_sessions_in_utc_with_cyrillic_title_folded_intact(self, client):
        session = future_session(
            course=CourseFactory(title=LONG_TITLE), place="Бишкек, ул. Киевская; 2"
        )
        SessionFactory(course=CourseFactory(is_published=False))
        [event] = events(client.get(reverse("courses:calendar_all")))
        # 10:00 in Bishkek (UTC+6) is 04:00 UTC.
        assert event.decoded("DTSTART") == datetime(2031, 3, 5, 4, 0, tzinfo=UTC)
        assert str(event["SUMMARY"]) == LONG_TITLE
        assert str(event["LOCATION"]) == "Бишкек, ул. Киевская; 2"
        assert str(event["UID"]).startswith(f"course-session-{session.pk}@")

    def test_times_are_written_with_z(self, client):
        future_session()
        body = client.get(reverse("courses:calendar_all")).content.decode()
        assert "DTSTART:20310305T040000Z\r\n" in body

    def test_a_course_feed_has_only_its_sessions(self, client):
        mine = future_session()
        future_session()
        feed = client.get(reverse("courses:course_calendar", args=[mine.course.slug]))
        assert [str(e["UID"]) for e in events(feed)] == [f"course-session-{mine.pk}@{SITE_HOST}"]

    def test_a_draft_course_has_no_feed(self, client):
        draft = CourseFactory(is_published=False)
        assert client.get(reverse("courses:course_calendar", args=[draft.slug])).status_code == 404

    def test_a_cancelled_session_stays_with_status_cancelled_and_a_higher_sequence(self, client):
        session = future_session()
        [before] = events(client.get(reverse("courses:calendar_all")))
        session.status = Session.Status.CANCELLED
        session.save(update_fields=["status"])
        [after] = events(client.get(reverse("courses:calendar_all")))
        assert str(after["STATUS"]) == "CANCELLED"
        assert after["SEQUENCE"] > before["SEQUENCE"]
        assert after["UID"] == before["UID"]

    def test_an_online_link_is_the_event_url(self, client):
        session = future_session(place="", online_url="https://meet.example.org/room")
        [event] = events(client.get(reverse("courses:session_ics", args=[session.pk])))
        assert "https://meet.example.org/room" in event.to_ical().decode()


class FoldTests:
    def test_never_splits_a_two_byte_letter(self):
        line = "SUMMARY:" + "ж" * 100
        for piece in fold(line).encode().split(b"\r\n"):
            assert len(piece) <= 75
            piece.decode("utf-8")  # raises if a character was cut in two

    def test_unfolds_to_the_original(self):
        line = "DESCRIPTION:" + "Кыргызча текст, ə ө ү ң " * 10
        assert fold(line).replace("\r\n ", "") == line


class PrivateFeedTests:
    def test_her_feed_has_her_sessions_only(self, client):
        student = UserFactory()
        hers = RegistrationFactory(user=student, session=future_session()).session
        RegistrationFactory(session=future_session())
        url = calendar_of(student).get_absolute_url()
        assert [e["UID"] for e in events(client.get(url))] == [
            f"course-session-{hers.pk}@{SITE_HOST}"
        ]

    def test_a_cancelled_registration_leaves_her_feed(self, client):
        student = UserFactory()
        RegistrationFactory(user=student, status=Registration.Status.CANCELLED)
        assert events(client.get(calendar_of(student).get_absolute_url())) == []

    def test_regenerating_retires_the_old_address(self, client):
        student = UserFactory()
        old = calendar_of(student).get_absolute_url()
        client.force_login(student)
        client.post(reverse("courses:calendar_regenerate"))
        new = calendar_of(student).get_absolute_url()
        assert new != old
        assert client.get(old).status_code == 404
        assert client.get(new).status_code == 200
        assert new in client.get(reverse("courses:my_calendar")).content.decode()
