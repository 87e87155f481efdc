"""An editor picks a blogger's post for the portal from the desk; the author answers at
/portal/picks/ (views/picks.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.actions.submissions import AlreadySubmitted, pick_post
from chaikhana.portal.addresses import post_at
from chaikhana.portal.forms import PickForm
from chaikhana.portal.models import PortalRole, Section
from chaikhana.portal.models.roles import SectionQuerySet


def _sections_she_picks_for(user: User) -> SectionQuerySet:
    roles = set(PortalRole.objects.filter(user=user).values_list("role", flat=True))
    if PortalRole.Role.EDITOR_IN_CHIEF in roles:
        return Section.objects.all()
    if PortalRole.Role.SECTION_EDITOR in roles:
        return Section.objects.edited_by(user)
    raise PermissionDenied(_("Only the section editors and the editor-in-chief pick posts."))


@login_required
@otp_required_for_staff
def pick(request: AuthedRequest) -> HttpResponse:
    form = PickForm(request.POST or None, sections=_sections_she_picks_for(request.user))
    existing = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        post = post_at(data["address"])
        if post is None:
            form.add_error("address", _("There is no post of this network at that address."))
        else:
            try:
                submission = pick_post(
                    post=post, by=request.user, section=data["section"], note=data["note"]
                )
            except AlreadySubmitted as refused:
                existing = refused.existing
                form.add_error("address", str(refused.message))
            except ActionError as refused:
                form.add_error("address", str(refused.message))
            else:
                messages.success(request, _("Picked: the author is asked whether she agrees."))
                return redirect(submission)
    status = 400 if form.errors else 200
    context = {"form": form, "existing": existing}
    return render(request, "portal/pick.html", context, status=status)
