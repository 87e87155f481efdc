"""The network's settings and its invite codes."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.models import User
from chaikhana.core import network_settings
from chaikhana.core.errors import ActionError
from chaikhana.core.models import InviteCode
from chaikhana.network import actions
from chaikhana.network.access import access_invite, staff_view
from chaikhana.network.forms import InviteForm, NetworkSettingsForm
from chaikhana.network.views.common import run

# The settings a form shows as they are; the icon is a file to upload or remove instead.
FIELDS = tuple(name for name in NetworkSettingsForm.base_fields if "icon" not in name)


@staff_view
def edit_settings(request: HttpRequest) -> HttpResponse:
    current = network_settings.current()
    form = NetworkSettingsForm(
        request.POST or None,
        request.FILES or None,
        initial={name: getattr(current, name) for name in FIELDS},
    )
    by = request.user
    assert isinstance(by, User)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_network_settings(by=by, **form.cleaned_data)
        except ActionError as err:  # a picture that is not one: said beside the field
            form.add_error(err.field if err.field in form.fields else None, str(err.message))
        else:
            messages.success(request, _("The network's settings are saved."))
            return redirect("network:settings")
    return render(request, "network/settings.html", {"form": form, "section": "settings"})


@staff_view
def invites(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    by = request.user
    assert isinstance(by, User)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run(request, lambda: actions.create_invite(by=by, **data),
               _("The invite code is ready.")):  # fmt: skip
            return redirect("network:invites")
    codes = InviteCode.objects.select_related("created_by")[:200]
    return render(
        request, "network/invites.html", {"form": form, "codes": codes, "section": "invites"}
    )


@staff_view
@require_POST
def revoke_invite(request: HttpRequest, pk: int) -> HttpResponse:
    invite, by = access_invite(request.user, pk), request.user
    assert isinstance(by, User)
    run(request, lambda: actions.revoke_invite(invite=invite, by=by), _("The code is revoked."))
    return redirect("network:invites")
