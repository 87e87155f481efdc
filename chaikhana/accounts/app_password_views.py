"""/accounts/app-passwords/: list, create (the value shown once) and revoke."""

from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from chaikhana.accounts import app_passwords as grants
from chaikhana.accounts.app_passwords import SCOPES, create_app_password, revoke_app_password
from chaikhana.accounts.models import AppPassword, User
from chaikhana.core.errors import ActionError


class AppPasswordForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Application name"),
        max_length=100,
        help_text=gettext_lazy("For example “MarsEdit on my laptop”."),
    )
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("What it may do"),
        choices=list(SCOPES.items()),
        initial=["read", "posts", "media"],
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Desktop editors and Micropub apps need “posts”."),
    )
    blogs = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Only these blogs"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Tick none for every blog you write for."),
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Leave empty to keep it until you revoke it."),
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["blogs"].choices = grants.blog_choices(user)  # type: ignore[attr-defined]

    def expires_at(self) -> datetime | None:
        day = self.cleaned_data.get("expires_on")
        return None if day is None else timezone.make_aware(datetime.combine(day, time.max))


@login_required
@never_cache  # the new password is in the page: no cache may keep it
def app_passwords(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = AppPasswordForm(request.POST or None, user=user)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            row, password = create_app_password(
                user=user,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                blog_ids=form.cleaned_data["blogs"],
                expires_at=form.expires_at(),
            )
        except ActionError as err:
            form.add_error(
                "expires_on" if err.field == "expires_at" else err.field, str(err.message)
            )
        else:
            # Rendered, not redirected: the clear value exists in this response only.
            created = {"name": row.name, "password": password}
            form = AppPasswordForm(user=user)
    titles = dict(grants.blog_choices(user))
    passwords = [
        (row, [titles.get(pk, "—") for pk in row.blog_ids]) for row in AppPassword.objects.of(user)
    ]
    context = {
        "form": form,
        "created": created,
        "passwords": passwords,
        "now": timezone.now(),
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
