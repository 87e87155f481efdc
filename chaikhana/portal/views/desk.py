"""The editorial desk: a board of submissions by state, filtered by section and assignee,
with ages and late marks, and the story budget for the day."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.portal import board, permissions
from chaikhana.portal.models import Section


def _chosen(
    request: AuthedRequest, sections: list[Section], members: list[User]
) -> board.BoardFilter:
    """The filter from the query string; anything unknown means "all"."""
    section = request.GET.get("section", "")
    assignee = request.GET.get("assignee", "")
    if request.GET.get("mine"):  # the old "My assignments" link
        assignee = "me"
    known_members = {str(m.pk) for m in members}
    return board.BoardFilter(
        section=int(section) if section in {str(s.pk) for s in sections} else None,
        assignee=assignee if assignee in {"me", "none"} | known_members else "",
    )


@login_required
@otp_required_for_staff
def desk(request: AuthedRequest) -> HttpResponse:
    if not permissions.is_desk_member(request.user):
        raise PermissionDenied(_("The desk is for the portal's editors and fact-checkers."))
    now = timezone.now()
    sections = list(Section.objects.all())
    members = list(User.objects.filter(portal_roles__isnull=False).distinct().order_by("username"))
    chosen = _chosen(request, sections, members)
    columns, with_authors = board.board(request.user, chosen, now)
    lines = board.budget(sections, now)
    context = {
        "columns": columns,
        "with_authors": with_authors,
        "late": sum(c.late for c in columns) + with_authors.late,
        "first_late": next((c.key for c in columns if c.late), with_authors.key),
        "budget": lines,
        "budget_totals": board.budget_totals(lines),
        "sections": sections,
        "members": members,
        "chosen": chosen,
        "filtered": chosen != board.BoardFilter(),
        "now": now,
    }
    return render(request, "portal/desk.html", context)
