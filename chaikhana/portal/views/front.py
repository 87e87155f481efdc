"""The portal's front page (lead, featured, newest per section, most read and most linked,
open calls) and the editor-in-chief's curation of it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.models import Post, PostQuerySet
from chaikhana.core.errors import ActionError
from chaikhana.portal.actions.curation import ACTIONS, curate
from chaikhana.portal.figures.queries import most_linked, most_read
from chaikhana.portal.models import Callout, FrontPageItem, PortalRole, Section, Submission
from chaikhana.portal.workflow import State

NEWEST_PER_SECTION = 3
CURATION_CANDIDATES = 30


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
    context = {
        "lead": lead,
        "featured": featured,
        "sections": newest_by_section(),
        "most_read": most_read(),
        "most_linked": most_linked(),
        "callouts": list(Callout.objects.open().select_related("section")[:5]),
    }
    return render(request, "portal/home.html", context)


def _require_chief(request: AuthedRequest) -> None:
    if not PortalRole.objects.filter(
        user=request.user, role=PortalRole.Role.EDITOR_IN_CHIEF
    ).exists():
        raise PermissionDenied(_("Only the editor-in-chief curates the front page."))


@login_required
def curation(request: AuthedRequest) -> HttpResponse:
    """The front page as the editor-in-chief arranges it, with the latest stories to add."""
    _require_chief(request)
    lead, featured = curated()
    placed = {s.pk for s in featured} | ({lead.pk} if lead else set())
    candidates = live_stories().exclude(pk__in=placed).order_by("-published_at")
    context = {
        "lead": lead,
        "featured": featured,
        "candidates": candidates[:CURATION_CANDIDATES],
        "error": request.GET.get("error") == "1",
    }
    return render(request, "portal/curation.html", context)


@login_required
@require_POST
def curate_story(request: AuthedRequest, story_id: int) -> HttpResponse:
    _require_chief(request)
    story = live_stories().select_related("blog").filter(pk=story_id).first()
    if story is None:
        raise Http404
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return render(
            request,
            "portal/curation_refused.html",
            {"message": _("There is no such curation step.")},
            status=400,
        )
    try:
        curate(story=story, by=request.user, action=action)
    except ActionError as refused:
        return render(
            request, "portal/curation_refused.html", {"message": refused.message}, status=400
        )
    return redirect("portal:curation")
