"""The editor-in-chief's arrangement of the front page: one page, one POST view per step."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.actions.curation import (
    feature_story,
    lead_story,
    move_story_down,
    move_story_up,
    unfeature_story,
)
from chaikhana.portal.models import PortalRole
from chaikhana.portal.views.front import curated, live_stories

CANDIDATES = 30


def _require_chief(request: AuthedRequest) -> None:
    if not PortalRole.objects.filter(
        user=request.user, role=PortalRole.Role.EDITOR_IN_CHIEF
    ).exists():
        raise PermissionDenied(_("Only the editor-in-chief curates the front page."))


@login_required
@otp_required_for_staff
def curation(request: AuthedRequest) -> HttpResponse:
    """The front page as the editor-in-chief arranges it, with the latest stories to add."""
    _require_chief(request)
    lead, featured = curated()
    placed = {s.pk for s in featured} | ({lead.pk} if lead else set())
    candidates = live_stories().exclude(pk__in=placed).order_by("-published_at")
    context = {"lead": lead, "featured": featured, "candidates": candidates[:CANDIDATES]}
    return render(request, "portal/curation.html", context)


def _step(request: AuthedRequest, story_id: int, action: Callable[..., object]) -> HttpResponse:
    _require_chief(request)
    story = live_stories().select_related("blog").filter(pk=story_id).first()
    if story is None:
        raise Http404
    try:
        action(story=story, by=request.user)
    except ActionError as refused:
        context = {"message": refused.message}
        return render(request, "portal/curation_refused.html", context, status=400)
    return redirect("portal:curation")


@login_required
@otp_required_for_staff
@require_POST
def lead(request: AuthedRequest, story_id: int) -> HttpResponse:
    return _step(request, story_id, lead_story)


@login_required
@otp_required_for_staff
@require_POST
def feature(request: AuthedRequest, story_id: int) -> HttpResponse:
    return _step(request, story_id, feature_story)


@login_required
@otp_required_for_staff
@require_POST
def unfeature(request: AuthedRequest, story_id: int) -> HttpResponse:
    return _step(request, story_id, unfeature_story)


@login_required
@otp_required_for_staff
@require_POST
def up(request: AuthedRequest, story_id: int) -> HttpResponse:
    return _step(request, story_id, move_story_up)


@login_required
@otp_required_for_staff
@require_POST
def down(request: AuthedRequest, story_id: int) -> HttpResponse:
    return _step(request, story_id, move_story_down)
