"""Pages for everyone: checking a certificate, a student's certificates, calendar feeds."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.courses import ics
from chaikhana.courses.access import access_course
from chaikhana.courses.calendars import calendar_of, regenerate_calendar_token
from chaikhana.courses.models import Certificate, Course, Session, TutorProfile
from chaikhana.courses.models.certificate import normalise_code

CONTENT_TYPE = "text/calendar; charset=utf-8"  # RFC 5545 §8.1
# Past sessions stay in the public feed this long, so calendars keep recent history.
FEED_DAYS_BACK = 90


def certificate(request: HttpRequest, code: str) -> HttpResponse:
    """/courses/certificates/<code>/: anyone holding the code sees whether it is valid."""
    tutors = Prefetch("course__tutors__tutor_profile", queryset=TutorProfile.objects.all())
    found = (
        Certificate.objects.select_related("course")
        .prefetch_related("course__tutors", tutors)
        .filter(code=normalise_code(code))
        .first()
    )
    if found is None:
        raise Http404(_("No certificate has this code. Check it letter by letter."))
    names = [_tutor_name(t) for t in found.course.tutors.all()]
    response = render(
        request, "courses/tutor/certificate.html", {"certificate": found, "tutors": names}
    )
    response["X-Robots-Tag"] = "noindex"  # a person's name and course: checkable, not searchable
    return response


def _tutor_name(user: object) -> str:
    profile = getattr(user, "tutor_profile", None)
    return profile.display_name if profile else user.public_name  # type: ignore[attr-defined]


@login_required
def my_certificates(request: HttpRequest) -> HttpResponse:
    found = Certificate.objects.for_user(request.user)  # type: ignore[arg-type]
    return render(request, "courses/tutor/my_certificates.html", {"certificates": found})


def _ics(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _public_sessions() -> object:
    since = timezone.now() - timedelta(days=FEED_DAYS_BACK)
    return Session.objects.filter(course__is_published=True, ends_at__gte=since).select_related(
        "course"
    )


def all_sessions_feed(request: HttpRequest) -> HttpResponse:
    """/courses/calendar.ics: every session of every published course."""
    sessions = _public_sessions().order_by("starts_at", "id")  # type: ignore[attr-defined]
    return _ics(ics.calendar(sessions, _("Courses")), "courses.ics")


def course_feed(request: HttpRequest, slug: str) -> HttpResponse:
    course: Course = access_course(request.user, slug)  # type: ignore[arg-type]
    sessions = course.sessions.select_related("course").order_by("starts_at", "id")
    return _ics(ics.calendar(sessions, course.title), f"{course.slug}.ics")


@login_required
def my_calendar(request: HttpRequest) -> HttpResponse:
    """Her private feed's address, and a button to replace it if it leaked."""
    calendar = calendar_of(request.user)  # type: ignore[arg-type]
    feed_url = request.build_absolute_uri(calendar.get_absolute_url())
    return render(request, "courses/tutor/my_calendar.html", {"feed_url": feed_url})


@login_required
@require_POST
def regenerate_calendar(request: HttpRequest) -> HttpResponse:
    regenerate_calendar_token(user=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("courses:my_calendar")
