"""Calendars: one session as an .ics file, and a student's private subscription feed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chaikhana.courses import ics
from chaikhana.courses.access import access_session
from chaikhana.courses.models import Session, StudentCalendar

CONTENT_TYPE = "text/calendar; charset=utf-8"  # RFC 5545 §8.1


def session_ics(request: HttpRequest, session_id: int) -> HttpResponse:
    found = access_session(request.user, session_id)  # type: ignore[arg-type]
    response = HttpResponse(ics.calendar([found], found.course.title), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="session-{found.pk}.ics"'
    return response


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """Her seats (and cancelled sessions she had one in), for a calendar app to subscribe."""
    owner = StudentCalendar.objects.filter(token=token).first()
    if owner is None:
        raise Http404(_("There is no calendar at this address."))
    sessions = (
        Session.objects.filter(
            registrations__user_id=owner.user_id,
            registrations__status__in=("confirmed", "offered"),
        )
        .select_related("course")
        .distinct()
        .order_by("starts_at")
    )
    body = ics.calendar(sessions, _("My courses"))
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Cache-Control"] = "private, max-age=300"
    return response
