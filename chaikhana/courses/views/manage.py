"""Staff pages: courses and sessions. Staff edit everything; tutors their courses' sessions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.twofactor.decorators import acts_as_staff
from chaikhana.core.errors import ActionError
from chaikhana.courses import actions
from chaikhana.courses.access import (
    access_course_for_manage,
    access_session_for_manage,
    manage_view,
)
from chaikhana.courses.forms import CourseForm, SessionForm
from chaikhana.courses.models import Course, Session


def _require_staff(request: HttpRequest) -> None:
    if not acts_as_staff(request.user):
        raise PermissionDenied(_("Only the school's staff may do this."))


@manage_view
def index(request: HttpRequest) -> HttpResponse:
    courses = (
        Course.objects.all()
        if acts_as_staff(request.user)
        else Course.objects.taught_by(request.user.pk)
    )
    sessions = Session.objects.for_listing().filter(course__in=courses)
    return render(request, "courses/manage/index.html", {"courses": courses, "sessions": sessions})


@manage_view
def course_form(request: HttpRequest, course_id: int | None = None) -> HttpResponse:
    """Creating and editing a course: the school's staff only."""
    _require_staff(request)
    course = access_course_for_manage(request.user, course_id) if course_id else None  # type: ignore[arg-type]
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        # A course's own row and its tutors; nothing else happens, so no action is needed.
        saved = form.save()
        messages.success(request, _("The course is saved."))
        return redirect("courses:course_edit", course_id=saved.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "courses/manage/course_form.html", {"form": form, "course": course}, status=status
    )


@manage_view
def session_form(
    request: HttpRequest, course_id: int | None = None, session_id: int | None = None
) -> HttpResponse:
    """Creating and editing sessions: staff, and the course's own tutors."""
    if session_id:
        session = access_session_for_manage(request.user, session_id)  # type: ignore[arg-type]
        course = session.course
    else:
        course, session = access_course_for_manage(request.user, course_id or 0), None  # type: ignore[arg-type]
    form = SessionForm(request.POST or None, instance=session or Session(course=course))
    if request.method == "POST" and form.is_valid():
        saved = actions.save_session(session=form.save(commit=False))
        messages.success(request, _("The session is saved."))
        return redirect("courses:session_edit", session_id=saved.pk)
    context = {"form": form, "course": course, "session": session}
    return render(
        request, "courses/manage/session_form.html", context, status=400 if form.is_bound else 200
    )


@manage_view
@require_POST
def cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = access_session_for_manage(request.user, session_id)  # type: ignore[arg-type]
    try:
        actions.cancel_session(session=session, by=request.user)  # type: ignore[arg-type]
    except ActionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The session is cancelled; everyone registered will be told."))
    return redirect(reverse("courses:session_edit", args=[session.pk]))
