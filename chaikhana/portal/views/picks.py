"""The author's answer to an editor's pick of her post: accept (it enters the desk) or refuse."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.access import access_submission
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.models import Submission
from chaikhana.portal.workflow import Actor, State

ANSWERS = {"accept": State.SUBMITTED, "refuse": State.DECLINED}


@login_required
@otp_required_for_staff
def picks(request: AuthedRequest) -> HttpResponse:
    waiting = (
        Submission.objects.of_author(request.user)
        .filter(state=State.AWAITING_AUTHOR)
        .select_related("original__blog", "section", "picked_by")
    )
    return render(request, "portal/picks.html", {"picks": waiting})


@login_required
@otp_required_for_staff
@require_POST
def answer(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, found = access_submission(request.user, pk)
    if Actor.AUTHOR not in found:
        raise PermissionDenied(_("Only the author answers a pick of her post."))
    to = ANSWERS.get(request.POST.get("answer", ""))
    if submission.state != State.AWAITING_AUTHOR:
        messages.error(request, _("This pick has already been answered."))
        return redirect(submission)
    if to is None:
        messages.error(request, _("Choose to accept or to refuse."))
        return redirect("portal:picks")
    try:
        transition(submission=submission, to=to, by=request.user, note=request.POST.get("note", ""))
    except ActionError as refused:
        messages.error(request, str(refused.message))
        return redirect("portal:picks")
    if to == State.SUBMITTED:
        messages.success(request, _("Thank you: the editors will now work on your post."))
        return redirect(submission)
    messages.success(request, _("You refused; the post stays on your blog only."))
    return redirect("portal:picks")
