"""The portal: its sections and published stories (public), and sending my post to it (a token
with the "portal" scope) through the portal's own submission action."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router
from ninja import Status as Created

from chaikhana.api import present
from chaikhana.api.auth import BearerToken, require
from chaikhana.api.pagination import listing, page
from chaikhana.api.schemas import SectionOut, StoryPage, SubmissionIn, SubmissionOut
from chaikhana.blogs.access import access_blog_as_member, access_post
from chaikhana.portal.actions.submissions import SourceInput, submit_post
from chaikhana.portal.models import Section
from chaikhana.portal.views.front import live_submissions

public = Router(tags=["portal"])
manage = Router(tags=["portal submission"], auth=BearerToken())


def _section(request: HttpRequest, s: Section) -> dict[str, Any]:
    return {
        "name": s.name,
        "slug": s.slug,
        "description": s.description,
        "url": present.absolute(request, reverse("portal:section", kwargs={"slug": s.slug})),
    }


@public.get("/portal/sections", response=list[SectionOut], summary="The portal's sections")
def sections(request: HttpRequest) -> list[dict[str, Any]]:
    return [_section(request, s) for s in Section.objects.all()]


@public.get("/portal/stories", response=StoryPage, summary="The portal's published stories")
def stories(
    request: HttpRequest,
    section: str | None = None,
    cursor: str | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    found = live_submissions()
    if section:
        found = found.filter(section__slug=section)
    items, next_url = page(request, found, cursor=cursor, limit=limit)
    return listing(
        [
            {
                "id": s.story.pk,
                "title": s.story.title,
                "url": present.absolute(request, s.story.get_absolute_url()),
                "section": s.section.slug,
                "author": s.story.byline,  # as the story is signed: never her blog or account
                "published_at": s.story.published_at,
                "summary": s.story.summary,
                "language": s.story.language,
            }
            for s in items
            if s.story is not None  # live_submissions() keeps only those with a live story
        ],
        next_url,
    )


@manage.post(
    "/manage/{name}/posts/{post_id}/portal-submission",
    response={201: SubmissionOut},
    summary="Send my post to the portal",
)
def submit(request: HttpRequest, name: str, post_id: int, payload: SubmissionIn) -> Created[Any]:
    by = require(request, "portal")
    blog, _membership = access_blog_as_member(by, name)
    require(request, "portal", blog)
    post = access_post(by, blog, post_id)
    section = Section.objects.filter(slug=payload.section).first()
    if section is None:
        raise Http404(_("The portal has no section “%(slug)s”.") % {"slug": payload.section})
    sources = [
        SourceInput(url=s.url, description=s.description, private=s.private)
        for s in payload.sources
    ]
    submission = submit_post(post=post, by=by, section=section, note=payload.note, sources=sources)
    return Created(201, {"id": submission.pk, "state": submission.state, "section": section.slug})
