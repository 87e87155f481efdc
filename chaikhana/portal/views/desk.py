"""The editorial desk: queues by state, section, assignee and age; what is late."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.portal import permissions
from chaikhana.portal.models import Section, Submission
from chaikhana.portal.workflow import CLOSED, State

QUEUE_LIMIT = 100


@login_required
@otp_required_for_staff
def desk(request: AuthedRequest) -> HttpResponse:
    if not permissions.is_desk_member(request.user):
        raise PermissionDenied(_("The desk is for the portal's editors and fact-checkers."))
    queue = Submission.objects.open().exclude(state=State.PUBLISHED).for_desk()
    state, section = request.GET.get("state", ""), request.GET.get("section", "")
    if state in State.values:
        queue = queue.filter(state=state)
    if section.isdigit():
        queue = queue.filter(section_id=int(section))
    if request.GET.get("mine"):
        queue = queue.filter(assigned_editor=request.user) | queue.filter(
            assigned_checker=request.user
        )
    counts = dict(
        Submission.objects.exclude(state__in=CLOSED)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    context = {
        "queue": queue[:QUEUE_LIMIT],
        "states": [(s, counts.get(s.value, 0)) for s in State if s not in CLOSED],
        "sections": Section.objects.all(),
        "late": Submission.objects.late().count(),
        "mine_count": Submission.objects.open()
        .exclude(state=State.PUBLISHED)
        .filter(assigned_editor=request.user)
        .count(),
        "chosen": {"state": state, "section": section, "mine": bool(request.GET.get("mine"))},
    }
    return render(request, "portal/desk.html", context)
