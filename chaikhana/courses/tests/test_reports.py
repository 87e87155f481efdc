"""Staff reports: the numbers per course and per month, the chart and its table."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.courses import reports
from chaikhana.courses.models import Registration
from chaikhana.courses.tests.factories import CourseFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db
BISHKEK = ZoneInfo("Asia/Bishkek")


def session_on(course, when):
    return SessionFactory(course=course, starts_at=when, ends_at=when + timedelta(hours=2))


@pytest.fixture
def school():
    paid = CourseFactory(title="Paid course", fee_amount="1000.00", fee_currency="KGS")
    past = session_on(paid, datetime(2020, 2, 1, 0, 30, tzinfo=BISHKEK))
    RegistrationFactory(session=past, attended=True, paid_amount="1000.00")
    RegistrationFactory(session=past)
    RegistrationFactory(session=past, status=Registration.Status.CANCELLED)
    future = session_on(paid, timezone.now() + timedelta(days=40))
    RegistrationFactory(session=future, status=Registration.Status.WAITLISTED)
    free = CourseFactory(title="Free course")
    RegistrationFactory(session=session_on(free, timezone.now() + timedelta(days=40)))
    return paid


class ByCourseTests:
    def test_counts_rate_and_fees(self, school):
        rows = {row.label: row for row in reports.by_course()}
        paid = rows["Paid course"]
        assert (paid.registrations, paid.confirmed, paid.attendance_rate) == (3, 2, 50)
        assert (paid.fees_due, paid.paid, paid.currency) == (Decimal(2000), Decimal(1000), "KGS")
        assert rows["Free course"].attendance_rate is None


class ByMonthTests:
    def test_a_session_just_after_local_midnight_counts_in_its_local_month(self, school):
        # 00:30 on 1 February in Bishkek is still 31 January in UTC.
        labels = [row.label for row in reports.by_month()]
        assert labels[0] == "2020-02"


class ReportPageTests:
    def test_staff_see_the_chart_and_the_table_in_fixed_queries(
        self, client, school, django_assert_num_queries
    ):
        log_in_verified(client, UserFactory(is_staff=True))
        with django_assert_num_queries(5):  # session, user, her verified device, two reports
            page = client.get(reverse("courses:reports")).content.decode()
        assert "<svg" in page and "<title" in page and "Paid course" in page
        assert "2000.00 KGS" in page

    def test_tutors_are_refused(self, client):
        client.force_login(UserFactory())
        assert client.get(reverse("courses:reports")).status_code == 403
