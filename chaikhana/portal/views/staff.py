"""The desk's own pages for its people: how readers see me, and comments on our stories."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.comments.actions import DECISIONS
from chaikhana.core.errors import ActionError
from chaikhana.portal import permissions, staff
from chaikhana.portal.actions.staff import set_readers_name
from chaikhana.portal.models import PortalRole

# What the desk decides on a waiting comment (comments' own decisions, fewer of them).
COMMENT_DECISIONS = ("approve", "spam", "trash")
PER_PAGE = 100


class ReadersNameForm(forms.Form):
    display_name = forms.CharField(
        label=gettext_lazy("Name readers see"),
        required=False,
        max_length=100,
        help_text=gettext_lazy(
            "On your comments under the portal's stories. Leave empty to sign as "
            "“The editors”. Readers never see your username."
        ),
    )


def _require_desk(request: AuthedRequest) -> None:
    if not permissions.is_desk_member(request.user):
        raise PermissionDenied(_("Only the portal's staff open the desk."))


@login_required
@otp_required_for_staff
def readers_name(request: AuthedRequest) -> HttpResponse:
    _require_desk(request)
    names = PortalRole.objects.filter(user=request.user).values_list("display_name", flat=True)
    initial = {"display_name": next((n for n in names if n), "")}
    form = ReadersNameForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            set_readers_name(user=request.user, name=form.cleaned_data["display_name"])
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(request, _("Readers now see you as “%(name)s”.") % {
                "name": staff.readers_name(request.user)
            })  # fmt: skip
            return redirect("portal:readers_name")
    context = {"form": form, "shown": staff.readers_name(request.user)}
    return render(request, "portal/readers_name.html", context, status=400 if form.errors else 200)


@login_required
@otp_required_for_staff
def comments(request: AuthedRequest) -> HttpResponse:
    """Waiting comments on the stories she moderates; one decision per button."""
    _require_desk(request)
    waiting = staff.comments_to_moderate(request.user)
    if request.method == "POST":
        decision = request.POST.get("decision", "")
        raw = request.POST.get("comment", "")
        comment = waiting.filter(pk=int(raw)).first() if raw.isdigit() else None
        if decision not in COMMENT_DECISIONS or comment is None:
            raise Http404(_("There is no such comment waiting for you."))
        try:
            DECISIONS[decision][0](comment=comment, by=request.user)
        except ActionError as error:  # someone else decided a moment ago
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Comments changed: %(n)d.") % {"n": 1})
        return redirect("portal:comments")
    decisions = [(value, DECISIONS[value][1]) for value in COMMENT_DECISIONS]
    context = {"comments": waiting[:PER_PAGE], "decisions": decisions}
    return render(request, "portal/comments.html", context)
