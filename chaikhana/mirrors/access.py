"""Fetch and check in one call: a mirror, for network staff; a course's pack, for its students."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.courses.access import access_course, can_manage_course
from chaikhana.courses.models import Course, Registration
from chaikhana.mirrors.models import Mirror
from chaikhana.network.access import access_staff


def access_mirror(user: Any, pk: int) -> Mirror:
    """The mirror *pk* for staff (403 for anyone else); 404 when there is none."""
    access_staff(user)
    if (mirror := Mirror.objects.filter(pk=pk).first()) is None:
        raise Http404(_("There is no such mirror."))
    return mirror


def access_course_pack(user: Any, slug: str) -> Course:
    """The course whose materials *user* may take away: a confirmed student of one of its
    sessions, a tutor or staff. 404 when she may not know the course exists, 403 otherwise."""
    course = access_course(user, slug)
    enrolled = Registration.objects.filter(
        session__course=course, user=user, status=Registration.Status.CONFIRMED
    ).exists()
    if not (enrolled or can_manage_course(user, course)):
        raise PermissionDenied(_("The course's materials are for its students and tutors."))
    return course
