"""Background work for the school: ids in, one action out; each safe to run twice."""

from __future__ import annotations

from django_tasks import task

from chaikhana.courses.models import Registration


# The actions enqueue these tasks, so the tasks import the actions when they run.
@task()
def send_notice_task(*, registration_id: int, kind: str) -> bool:
    """Send one mail about a registration, at most once per kind (actions/notices.py)."""
    from chaikhana.courses.actions import send_notice

    return send_notice(registration_id=registration_id, kind=kind)


@task()
def notify_session_cancelled_task(*, session_id: int) -> int:
    """Tell everyone registered for a cancelled session; those already told are skipped."""
    from chaikhana.courses.actions import send_notice

    ids = Registration.objects.active().filter(session_id=session_id).values_list("pk", flat=True)
    return sum(send_notice(registration_id=pk, kind="session-cancelled") for pk in list(ids))


@task()
def expire_offers_task() -> int:
    """Let lapsed seat offers go to the next in line (a no-op when none has lapsed)."""
    from chaikhana.courses.actions import expire_offers

    return expire_offers()


@task()
def send_due_reminders_task() -> int:
    """Send the reminders due now (a no-op when run early; each reminder goes once)."""
    from chaikhana.courses.actions import send_due_reminders

    return send_due_reminders()
