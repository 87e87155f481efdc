"""The story's byline: the blogger's pen name, or a pseudonym only the editors can resolve."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.access import access_staff_submission
from chaikhana.portal.actions.submissions import set_byline


class BylineForm(forms.Form):
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        required=False,
        max_length=100,
        help_text=_(
            "Leave empty to sign the story with the blogger's pen name. A pseudonym gives the "
            "story a new address; a published story's old address stops working."
        ),
    )


@login_required
@otp_required_for_staff
def byline(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk, editors_only=True)
    initial = {"pseudonym": submission.byline_pseudonym}
    form = BylineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            pseudonym = form.cleaned_data["pseudonym"]
            set_byline(submission=submission, by=request.user, pseudonym=pseudonym)
        except ActionError as error:
            form.add_error("pseudonym", str(error.message))
        else:
            return redirect(submission)
    status = 400 if form.errors else 200
    context = {"submission": submission, "form": form}
    return render(request, "portal/byline.html", context, status=status)
