"""The school: published courses and their sessions (public), and registering for a session
(a token with the "courses" scope) through courses' registration action."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja import Status as Created

from chaikhana.api import present
from chaikhana.api.auth import BearerToken, require, viewer
from chaikhana.api.pagination import listing, page
from chaikhana.api.schemas import CourseOut, CoursePage, RegistrationOut, SessionPage
from chaikhana.courses.access import access_course, access_session
from chaikhana.courses.actions.registration import register
from chaikhana.courses.models import Course, Session

public = Router(tags=["courses"])
manage = Router(tags=["course registration"], auth=BearerToken())


def _course(request: HttpRequest, c: Course) -> dict[str, Any]:
    return {
        "slug": c.slug,
        "title": c.title,
        "topic": c.topic,
        "level": c.level,
        "language": c.language,
        "url": present.absolute(request, c.get_absolute_url()),
        "description_html": c.description_html,
        "is_free": c.is_free,
    }


def _session(s: Session) -> dict[str, Any]:
    return {
        "id": s.pk,
        "course": s.course.slug,
        "title": s.title,
        "starts_at": s.starts_at,
        "ends_at": s.ends_at,
        "place": s.place,
        "online": bool(s.online_url),  # the link itself is for the registered
        "seats_left": max(getattr(s, "seats_left", 0), 0),
        "status": s.status,
    }


@public.get("/courses", response=CoursePage, summary="Published courses")
def courses(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    found = Course.objects.published()
    if language:
        found = found.filter(language=language)
    items, next_url = page(request, found, cursor=cursor, limit=limit)
    return listing([_course(request, c) for c in items], next_url)


@public.get("/courses/{slug}", response=CourseOut, summary="A course")
def course(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _course(request, access_course(viewer(request), slug))


@public.get("/courses/{slug}/sessions", response=SessionPage, summary="A course's sessions")
def sessions(
    request: HttpRequest, slug: str, cursor: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    found = access_course(viewer(request), slug)
    items, next_url = page(
        request, Session.objects.filter(course=found).for_listing(), cursor=cursor, limit=limit
    )
    return listing([_session(s) for s in items], next_url)


@manage.post(
    "/courses/sessions/{session_id}/registrations",
    response={201: RegistrationOut},
    summary="Register me for a session",
)
def register_me(request: HttpRequest, session_id: int) -> Created[Any]:
    user = require(request, "courses")
    session = access_session(user, session_id)
    registration = register(session=session, user=user)
    return Created(
        201, {"id": registration.pk, "session": session.pk, "status": registration.status}
    )
