"""Reminders go a day before, once, however often the task runs."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from chaikhana.core.testing.factories import UserFactory
from chaikhana.courses.models import Registration
from chaikhana.courses.tasks import send_due_reminders_task
from chaikhana.courses.tests.factories import RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


class ReminderTests:
    def _seated(self, **session):
        session = SessionFactory(starts_at=timezone.now() + timedelta(days=3), **session)
        user = UserFactory(email=f"student{session.pk}@example.org")
        return RegistrationFactory(session=session, user=user)

    def test_nothing_is_sent_early(self, mailoutbox):
        self._seated()
        assert send_due_reminders_task.call() == 0
        assert mailoutbox == []

    def test_reminder_is_sent_once_even_when_the_task_runs_twice(self, mailoutbox):
        registration = self._seated()
        with freeze_time(registration.session.starts_at - timedelta(hours=23)):
            send_due_reminders_task.call()
            send_due_reminders_task.call()
        assert [m.to for m in mailoutbox] == [[registration.user.email]]
        assert "Tomorrow" in mailoutbox[0].subject

    def test_waitlisted_and_cancelled_sessions_get_no_reminder(self, mailoutbox):
        waiting = self._seated()
        waiting.status = Registration.Status.WAITLISTED
        waiting.save()
        cancelled = self._seated(status="cancelled")
        with freeze_time(cancelled.session.starts_at - timedelta(hours=1)):
            assert send_due_reminders_task.call() == 0
        assert mailoutbox == []
