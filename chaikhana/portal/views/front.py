"""The portal's front page: lead, featured, newest per section, most read and most linked,
open calls (the editor-in-chief arranges it: views/curation.py)."""

from __future__ import annotations

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chaikhana.blogs.models import Post, PostQuerySet
from chaikhana.portal.figures.queries import most_linked, most_read
from chaikhana.portal.models import Callout, FrontPageItem, Section, Submission
from chaikhana.portal.workflow import State

NEWEST_PER_SECTION = 3


def live_stories() -> PostQuerySet:
    return Post.objects.published().filter(blog__name="portal")


def live_submissions() -> QuerySet[Submission]:
    """Published, not withdrawn submissions with their story and section (list-ready)."""
    return Submission.objects.filter(
        state=State.PUBLISHED,
        unpublished_at=None,
        story__in=live_stories(),
    ).select_related("story", "section")


def newest_by_section(per_section: int = NEWEST_PER_SECTION) -> list[tuple[Section, list]]:
    """Each section with its newest stories, in two queries whatever the number of sections."""
    ranked = live_submissions().annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("section_id")],
            order_by=[F("story__published_at").desc(), F("id").desc()],
        )
    )
    by_section: dict[int, list[Submission]] = {}
    for submission in ranked.filter(rank__lte=per_section).order_by("-story__published_at"):
        by_section.setdefault(submission.section_id, []).append(submission)
    return [(s, by_section[s.pk]) for s in Section.objects.all() if s.pk in by_section]


def curated() -> tuple[Post | None, list[Post]]:
    """The lead story and the featured ones, in order (one query)."""
    items = FrontPageItem.objects.filter(story__in=live_stories()).select_related("story")
    lead, featured = None, []
    for item in items:
        if item.place == FrontPageItem.Place.LEAD:
            lead = item.story
        else:
            featured.append(item.story)
    return lead, featured


def home(request: HttpRequest) -> HttpResponse:
    lead, featured = curated()
    sections = newest_by_section()
    context = {
        "lead": lead,
        "featured": featured,
        "sections": sections,
        "all_sections": [section for section, _stories in sections],
        "most_read": most_read(),
        "most_linked": most_linked(),
        "callouts": list(Callout.objects.open().select_related("section")[:5]),
    }
    return render(request, "portal/home.html", context)
