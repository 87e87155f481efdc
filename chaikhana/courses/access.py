"""Fetch + permission in one call for the school's pages: 404 for what one may not see."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import acts_as_staff, otp_required_for_staff
from chaikhana.courses.models import Course, GroupRegistration, Registration, Session


def access_course(user: User | None, slug: str) -> Course:
    """A published course, or any course for staff and its tutors (to preview drafts)."""
    course = Course.objects.filter(slug=slug).first()
    if course is None or not (course.is_published or can_manage_course(user, course)):
        raise Http404(_("There is no course at this address."))
    return course


def access_session(user: User | None, session_id: int) -> Session:
    session = Session.objects.select_related("course").filter(pk=session_id).first()
    if session is None or not (
        session.course.is_published or can_manage_course(user, session.course)
    ):
        raise Http404(_("There is no such session."))
    return session


def access_registration(token: str) -> Registration:
    """A registration by its secret link: whoever holds the link may manage it."""
    found = Registration.objects.for_listing().filter(token=token).first()
    if found is None:
        raise Http404(_("There is no registration at this address."))
    return found


def access_group(token: str) -> GroupRegistration:
    found = GroupRegistration.objects.select_related("session__course").filter(token=token).first()
    if found is None:
        raise Http404(_("There is no registration at this address."))
    return found


def manage_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A management page (/courses/manage/…): signed in, and staff only with a second factor.

    Staff without an authenticator are sent to enrol, those with one to give a code; tutors
    and everyone else go on to the view's own access check (403 for what is not theirs).
    Rosters and payments are private: never cached.
    """
    return login_required(never_cache(otp_required_for_staff(view)))


def can_manage_course(user: User | None, course: Course) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return acts_as_staff(user) or course.tutors.filter(pk=user.pk).exists()


def access_course_for_manage(user: User, course_id: int) -> Course:
    """Staff edit every course; tutors only see their own (for their sessions)."""
    course = Course.objects.filter(pk=course_id).first()
    if course is None:
        raise Http404(_("There is no such course."))
    if not can_manage_course(user, course):
        raise PermissionDenied(_("Only the school's staff and the course's tutors may do this."))
    return course


def access_session_for_manage(user: User, session_id: int) -> Session:
    session = Session.objects.select_related("course").filter(pk=session_id).first()
    if session is None:
        raise Http404(_("There is no such session."))
    if not can_manage_course(user, session.course):
        raise PermissionDenied(_("Only the school's staff and the course's tutors may do this."))
    return session
