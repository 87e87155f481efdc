"""Assigning a submission's editor and fact-checker (its section's editors, the chiefs)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.portal.access import access_staff_submission
from chaikhana.portal.actions.submissions import assign
from chaikhana.portal.models import PortalRole, Submission


def editors_of(submission: Submission) -> Any:
    """Who may edit it: the chiefs and the editors of its section."""
    return (
        User.objects.filter(
            Q(portal_roles__role=PortalRole.Role.EDITOR_IN_CHIEF)
            | Q(
                portal_roles__role=PortalRole.Role.SECTION_EDITOR,
                portal_roles__sections=submission.section_id,
            )
        )
        .distinct()
        .order_by("username")
    )


class AssignForm(forms.Form):
    editor = forms.ModelChoiceField(
        label=_("Editor"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )
    checker = forms.ModelChoiceField(
        label=_("Fact-checker"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )

    def __init__(self, *args: Any, submission: Submission, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["editor"].queryset = editors_of(submission)  # type: ignore[attr-defined]
        self.fields["checker"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            portal_roles__role=PortalRole.Role.FACT_CHECKER
        ).order_by("username")


@login_required
@otp_required_for_staff
def assign_page(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk, editors_only=True)
    initial = {"editor": submission.assigned_editor_id, "checker": submission.assigned_checker_id}
    form = AssignForm(request.POST or None, initial=initial, submission=submission)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assign(
            submission=submission, by=request.user, editor=data["editor"], checker=data["checker"]
        )
        return redirect(submission)
    status = 400 if form.errors else 200
    context = {"submission": submission, "form": form}
    return render(request, "portal/assign.html", context, status=status)
