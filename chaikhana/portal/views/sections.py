"""A section's page: its stories, and (when the section has one) the community stream of
submissions that the editors have not decided on yet, labelled "Not yet verified"."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from chaikhana.blogs.models import Blog, Post
from chaikhana.portal.models import Callout, Section, Submission
from chaikhana.portal.views.front import live_submissions
from chaikhana.portal.workflow import State

SECTION_STORIES = 20
STREAM_ITEMS = 20
# Still with the editors: neither published nor declined. Returned ones stay too: the editors
# have not decided against them (PRODUCT.md: readers see the stream until the editors decide).
UNDECIDED = [State.SUBMITTED, State.IN_REVIEW, State.FACT_CHECK, State.READY, State.SCHEDULED]


def community_stream(section: Section) -> list[Submission]:
    """Open submissions whose original post is public on a public blog (one query).

    Not those under a pseudonym: the stream would show her post in the section where the
    story then appears, under another name (a pseudonym may come at any step, so each
    request asks again).
    """
    return list(
        Submission.objects.filter(
            section=section,
            byline_pseudonym="",
            state__in=UNDECIDED,
            original__in=Post.objects.published(),
            original__blog__visibility=Blog.Visibility.PUBLIC,
        )
        .select_related("original__blog")
        .order_by("-created_at")[:STREAM_ITEMS]
    )


def section(request: HttpRequest, slug: str) -> HttpResponse:
    found = Section.objects.filter(slug=slug).first()
    if found is None:
        raise Http404
    stories = live_submissions().filter(section=found).order_by("-story__published_at")
    context = {
        "section": found,
        "submissions": stories[:SECTION_STORIES],
        "stream": community_stream(found) if found.community_stream else [],
        "callouts": Callout.objects.open().filter(section=found),
        "sections": Section.objects.all(),
    }
    return render(request, "portal/section.html", context)
