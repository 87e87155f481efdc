"""In-app notifications about a submission, mailed too when the person left an address."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.portal.models import Notification, PortalRole, Submission


def notify(*, users: Iterable[User | None], submission: Submission, text: str) -> None:
    """Tell each person (once, never the one acting: callers leave her out)."""
    from chaikhana.portal.tasks import mail_notification

    seen: set[int] = set()
    for user in users:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        note = Notification.objects.create(user=user, submission=submission, text=text[:300])
        if user.email:
            enqueue_on_commit(mail_notification, notification_id=note.pk)


def desk_of(submission: Submission) -> list[User]:
    """Who on the desk hears of a submission: its editors, or the section's and the chiefs."""
    if submission.assigned_editor is not None:
        people = [submission.assigned_editor]
        return people + ([submission.assigned_checker] if submission.assigned_checker else [])
    roles = PortalRole.objects.filter(
        role=PortalRole.Role.EDITOR_IN_CHIEF
    ) | PortalRole.objects.filter(role=PortalRole.Role.SECTION_EDITOR, sections=submission.section)
    return [role.user for role in roles.select_related("user").distinct()]


def mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark her unread notifications read (only these *ids* when given); returns how many."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())
