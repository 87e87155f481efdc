"""The public catalogue, a course's page and a tutor's page."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from chaikhana.courses.access import access_course, can_manage_course
from chaikhana.courses.models import Course, Registration, Session, TutorProfile


def _upcoming_sessions() -> Prefetch:
    return Prefetch(
        "sessions", queryset=Session.objects.upcoming().for_listing(), to_attr="upcoming"
    )


def catalogue(request: HttpRequest) -> HttpResponse:
    """Published courses, filtered by topic, language and audience, with their next sessions."""
    courses = Course.objects.published()
    chosen = {key: request.GET.get(key, "") for key in ("topic", "language", "audience")}
    if chosen["topic"] in Course.Topic.values:
        courses = courses.filter(topic=chosen["topic"])
    if chosen["language"]:
        courses = courses.filter(language=chosen["language"])
    courses = courses.for_audience(chosen["audience"]).prefetch_related(_upcoming_sessions())
    context = {
        "courses": courses,
        "chosen": chosen,
        "topics": Course.Topic.choices,
        "audiences": Course.Audience.choices,
    }
    return render(request, "courses/catalogue.html", context)


def _tutor_profiles(course: Course) -> list[TutorProfile]:
    return list(TutorProfile.objects.filter(user__in=course.tutors.all()).order_by("display_name"))


def course(request: HttpRequest, slug: str) -> HttpResponse:
    found = access_course(request.user, slug)  # type: ignore[arg-type]
    sessions = Session.objects.upcoming().for_listing().filter(course=found)
    enrolled = request.user.is_authenticated and (
        Registration.objects.filter(session__course=found, user=request.user)
        .filter(status=Registration.Status.CONFIRMED)
        .exists()
    )
    manager = can_manage_course(request.user, found)  # type: ignore[arg-type]
    show_materials = not found.materials_for_enrolled_only or enrolled or manager
    context = {
        "course": found,
        "sessions": sessions,
        "tutors": _tutor_profiles(found),
        "materials": found.materials.all() if show_materials else None,
        "can_manage": manager,
        "enrolled": enrolled,
    }
    return render(request, "courses/course.html", context)


def tutor(request: HttpRequest, user_id: int) -> HttpResponse:
    """A tutor's public page: her chosen name, bio and published courses; never her username."""
    profile = TutorProfile.objects.filter(user_id=user_id).first()
    if profile is None:
        raise Http404(_("There is no tutor at this address."))
    courses = Course.objects.published().taught_by(profile.user_id)
    return render(request, "courses/tutor.html", {"profile": profile, "courses": courses})
