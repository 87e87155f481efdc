"""Pending revisions of live stories, each with its diff: approve (with the public
correction) or reject."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal import permissions
from chaikhana.portal.actions.stories import approve_proposal, reject_proposal
from chaikhana.portal.models import PortalRole, Section, StoryRevisionProposal
from chaikhana.writing.diff import line_diff

LIST_LIMIT = 50


def _pending_for(user: User) -> object:
    """The pending proposals she may decide: all for a chief, her sections' otherwise."""
    pending = StoryRevisionProposal.objects.filter(
        state=StoryRevisionProposal.State.PENDING
    ).select_related("story", "proposed_by", "story__portal_submission__section")
    roles = set(PortalRole.objects.filter(user=user).values_list("role", flat=True))
    if PortalRole.Role.EDITOR_IN_CHIEF in roles:
        return pending
    if PortalRole.Role.SECTION_EDITOR in roles:
        return pending.filter(story__portal_submission__section__in=Section.objects.edited_by(user))
    raise PermissionDenied(_("Only the editors decide revisions of published stories."))


@login_required
@otp_required_for_staff
def proposals(request: AuthedRequest) -> HttpResponse:
    rows = [
        (proposal, line_diff(proposal.story.body_source, proposal.body_source))
        for proposal in _pending_for(request.user)[:LIST_LIMIT]  # type: ignore[index]
    ]
    return render(request, "portal/proposals.html", {"rows": rows})


def _access_proposal(user: User, pk: int) -> StoryRevisionProposal:
    proposal = StoryRevisionProposal.objects.select_related("story").filter(pk=pk).first()
    submission = getattr(proposal.story, "portal_submission", None) if proposal else None
    if proposal is None or submission is None:
        raise Http404
    found = permissions.actors(user, submission)
    if not permissions.is_editor(found):
        raise Http404 if not found else PermissionDenied(_("Only the editors decide revisions."))
    return proposal


@login_required
@otp_required_for_staff
@require_POST
def decide(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = _access_proposal(request.user, pk)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        messages.error(request, _("Choose approve or reject."))
        return redirect("portal:proposals")
    try:
        if decision == "approve":
            approve_proposal(proposal=proposal, by=request.user)
            messages.success(request, _("The revision is live, with its correction note."))
        else:
            reject_proposal(proposal=proposal, by=request.user)
            messages.success(request, _("The revision was rejected."))
    except ActionError as refused:
        messages.error(request, str(refused.message))
    return redirect("portal:proposals")
