"""/accounts/app-passwords/: list, create (the value shown once) and revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from chaikhana.accounts.app_passwords import create_app_password, revoke_app_password
from chaikhana.accounts.models import AppPassword, User
from chaikhana.core.errors import ActionError


class AppPasswordForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Application name"),
        max_length=100,
        help_text=gettext_lazy("For example “MarsEdit on my laptop”."),
    )


@login_required
@never_cache  # the new password is in the page: no cache may keep it
def app_passwords(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = AppPasswordForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            row, password = create_app_password(user=user, name=form.cleaned_data["name"])
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            # Rendered, not redirected: the clear value exists in this response only.
            created = {"name": row.name, "password": password}
            form = AppPasswordForm()
    context = {
        "form": form,
        "created": created,
        "passwords": AppPassword.objects.of(user),
        "username": user.get_username(),
    }
    return render(request, "accounts/app_passwords.html", context)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    row = AppPassword.objects.of(user).filter(pk=pk).first()
    if row is None:
        raise Http404(_("There is no such application password."))
    revoke_app_password(app_password=row, by=user)
    messages.success(
        request, _("The application password “%(name)s” is revoked.") % {"name": row.name}
    )
    return redirect("accounts:app_passwords")
