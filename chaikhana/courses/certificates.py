"""Certificates: who has earned one, issuing them, revoking them.

A student is one person across the sessions of a course: an account, or for a guest (who has
none) her email address. Issuing is idempotent — it runs every time attendance is saved and
issues only what is due and not yet issued.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import InvalidTransition
from chaikhana.courses.models import Certificate, Course, Registration, Session


@dataclass
class Attendance:
    """One student's attendance over a course."""

    user: User | None
    email: str
    name: str
    days: list[date] = field(default_factory=list)


def sessions_required(course: Course) -> int:
    """The course's own number, else every session that was not cancelled."""
    if course.sessions_required_for_certificate:
        return course.sessions_required_for_certificate
    return course.sessions.exclude(status=Session.Status.CANCELLED).count()


def attendance_by_student(course: Course) -> dict[str, Attendance]:
    """Each student's attended sessions, keyed by her account or (a guest) her email."""
    rows = (
        Registration.objects.filter(session__course=course, attended=True)
        .exclude(session__status=Session.Status.CANCELLED)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("user", "session")
        .order_by("session__starts_at", "id")
    )
    students: dict[str, Attendance] = {}
    for row in rows:
        key = f"user:{row.user_id}" if row.user_id else f"email:{row.email.lower()}"
        if row.user_id is None and not row.email:
            continue  # nobody to hand a certificate to, nor to tell one guest from another
        student = students.setdefault(
            key, Attendance(user=row.user, email=row.email.lower(), name=row.display_name)
        )
        student.days.append(timezone.localtime(row.session.starts_at).date())
    return students


def _already_issued(course: Course) -> set[str]:
    keys = set()
    for user_id, email in course.certificates.values_list("user_id", "email"):
        keys.add(f"user:{user_id}" if user_id else f"email:{email.lower()}")
    return keys


@transaction.atomic
def issue_due_certificates(*, course: Course, now: datetime | None = None) -> list[Certificate]:
    """Issue a certificate to every student who attended enough sessions and has none yet."""
    now = now or timezone.now()
    required = sessions_required(course)
    if required <= 0:
        return []
    issued, done = [], _already_issued(course)
    for key, student in attendance_by_student(course).items():
        if key in done or len(student.days) < required:
            continue
        try:
            with transaction.atomic():  # a concurrent save may have issued it a moment ago
                issued.append(_create(course, student, now))
        except IntegrityError:
            continue
    return issued


def _create(course: Course, student: Attendance, now: datetime) -> Certificate:
    return Certificate.objects.create(
        course=course,
        user=student.user,
        email="" if student.user else student.email,
        name=student.name,
        sessions_attended=len(student.days),
        first_day=min(student.days),
        last_day=max(student.days),
        issued_at=now,
    )


@transaction.atomic
def revoke_certificate(
    *, certificate: Certificate, by: User, now: datetime | None = None
) -> Certificate:
    """Mark a certificate revoked; its public page then says so (it is never deleted)."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise InvalidTransition(_("This certificate is already revoked."))
    certificate.revoked_at = now or timezone.now()
    certificate.save(update_fields=["revoked_at"])
    return certificate
