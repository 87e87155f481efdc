"""The demo school: courses with sessions next month, loaded once."""

import pytest
from django.core.management import call_command

from chaikhana.core.testing.factories import UserFactory
from chaikhana.courses.models import Course, Session

pytestmark = pytest.mark.django_db


class DemoCoursesTests:
    def test_loads_courses_with_future_sessions_once(self):
        UserFactory()
        call_command("demo_courses", "--if-empty")
        call_command("demo_courses", "--if-empty")
        assert Course.objects.count() == 4
        assert Session.objects.upcoming().count() == 8
