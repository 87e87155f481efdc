"""Tutor and staff pages: the teaching dashboard, a session's roster, its CSV, certificates."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.twofactor.decorators import acts_as_staff
from chaikhana.core.errors import ActionError
from chaikhana.courses import reports
from chaikhana.courses.access import manage_view
from chaikhana.courses.attendance import save_roster
from chaikhana.courses.certificates import revoke_certificate, sessions_required
from chaikhana.courses.models import Certificate, Course, Registration, Session
from chaikhana.courses.tutor import export
from chaikhana.courses.tutor.access import (
    access_certificate_for_staff,
    access_course_as_tutor,
    access_session_as_tutor,
    explained_403,
    require_staff,
)
from chaikhana.courses.tutor.forms import RosterForm


def _roster(session: Session) -> list[Registration]:
    return list(session.registrations.active().for_listing().order_by("status", "created_at"))


@manage_view
def dashboard(request: HttpRequest) -> HttpResponse:
    """/courses/manage/teaching/: the sessions of every course she teaches (all, for staff)."""
    user = request.user
    courses = Course.objects.all() if acts_as_staff(user) else Course.objects.taught_by(user)  # type: ignore[arg-type]
    sessions = Session.objects.for_listing().filter(course__in=courses)
    return render(request, "courses/tutor/dashboard.html", {"sessions": sessions})


@manage_view
@explained_403
def roster(request: HttpRequest, session_id: int) -> HttpResponse:
    """The roster with attendance, notes (and payments, for staff): one POST saves it all."""
    session = access_session_as_tutor(request.user, session_id)  # type: ignore[arg-type]
    registrations = _roster(session)
    form = RosterForm(
        request.POST or None, registrations=registrations, with_payments=acts_as_staff(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            issued = save_roster(session=session, entries=form.entries(), by=request.user)  # type: ignore[arg-type]
        except ActionError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Attendance and notes are saved."))
            for certificate in issued:
                messages.info(
                    request, _("Certificate issued to %(name)s.") % {"name": certificate.name}
                )
            return redirect("courses:roster", session_id=session.pk)
    context = {"session": session, "form": form, "rows": form.rows()}
    return render(request, "courses/tutor/roster.html", context, status=400 if form.errors else 200)


@manage_view
@explained_403
def roster_csv(request: HttpRequest, session_id: int) -> HttpResponse:
    session = access_session_as_tutor(request.user, session_id)  # type: ignore[arg-type]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="roster-{session.pk}.csv"'
    response.write(export.roster_csv(_roster(session)))
    return response


@manage_view
@explained_403
def certificates(request: HttpRequest, course_id: int) -> HttpResponse:
    course = access_course_as_tutor(request.user, course_id)  # type: ignore[arg-type]
    context = {
        "course": course,
        "certificates": Certificate.objects.for_course(course),
        "required": sessions_required(course),
    }
    return render(request, "courses/tutor/certificates.html", context)


@manage_view
@require_POST
@explained_403
def revoke(request: HttpRequest, certificate_id: int) -> HttpResponse:
    certificate = access_certificate_for_staff(request.user, certificate_id)  # type: ignore[arg-type]
    try:
        revoke_certificate(certificate=certificate, by=request.user)  # type: ignore[arg-type]
    except ActionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The certificate is revoked."))
    return redirect("courses:tutor_certificates", course_id=certificate.course_id)


@manage_view
@explained_403
def report(request: HttpRequest) -> HttpResponse:
    """/courses/manage/reports/: per course and per month, with a bar chart (staff only)."""
    require_staff(request.user)  # type: ignore[arg-type]
    months = reports.by_month()
    bars = reports.chart_bars(months)
    context = {
        "courses": reports.by_course(),
        "months": months,
        "bars": bars,
        "chart_width": reports.chart_width(bars),
        "chart_height": reports.CHART_HEIGHT,
        "bar_width": reports.BAR_WIDTH,
    }
    return render(request, "courses/tutor/reports.html", context)
