"""Fetch + permission for the tutor pages: tutors see their own courses, staff everything."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import acts_as_staff
from chaikhana.courses.models import Certificate, Course, Session


def is_tutor_of(user: User, course: Course) -> bool:
    return acts_as_staff(user) or course.tutors.filter(pk=user.pk).exists()


def access_session_as_tutor(user: User, session_id: int) -> Session:
    """A session of a course *user* teaches (any session for staff); 403 says why not."""
    session = Session.objects.select_related("course").filter(pk=session_id).first()
    if session is None:
        raise Http404(_("There is no such session."))
    if not is_tutor_of(user, session.course):
        raise PermissionDenied(
            _(
                "This session belongs to a course you do not teach: only its tutors and "
                "the school's staff may see its roster or take attendance."
            )
        )
    return session


def access_course_as_tutor(user: User, course_id: int) -> Course:
    course = Course.objects.filter(pk=course_id).first()
    if course is None:
        raise Http404(_("There is no such course."))
    if not is_tutor_of(user, course):
        raise PermissionDenied(_("Only the course's tutors and the school's staff may see this."))
    return course


def access_certificate_for_staff(user: User, certificate_id: int) -> Certificate:
    require_staff(user)
    found = Certificate.objects.select_related("course").filter(pk=certificate_id).first()
    if found is None:
        raise Http404(_("There is no such certificate."))
    return found


def require_staff(user: User) -> None:
    if not acts_as_staff(user):
        raise PermissionDenied(_("Only the school's staff may see this."))


def explained_403(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer PermissionDenied with a page that says why, not Django's bare "403 Forbidden"."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as denied:
            context = {"reason": str(denied)}
            return render(request, "courses/tutor/forbidden.html", context, status=403)

    return wrapper
