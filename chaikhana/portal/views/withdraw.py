"""Withdrawing a live story: a confirmation page asking for the note readers will see."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.access import access_staff_submission
from chaikhana.portal.actions.stories import unpublish_story
from chaikhana.portal.forms import WithdrawForm


@login_required
@otp_required_for_staff
def withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk, editors_only=True)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unpublish_story(submission=submission, by=request.user, note=form.cleaned_data["note"])
        except ActionError as refused:
            form.add_error("note" if refused.field == "note" else None, str(refused.message))
        else:
            messages.success(request, _("The story is withdrawn; its address tells readers why."))
            return redirect(submission)
    status = 400 if form.errors else 200
    context = {"submission": submission, "form": form}
    return render(request, "portal/withdraw.html", context, status=status)
