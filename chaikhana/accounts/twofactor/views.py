"""Two-factor pages: log in with a code, enrol an authenticator app, recovery codes, disable."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor import actions, pending
from chaikhana.accounts.twofactor.devices import (
    has_two_factor,
    recovery_codes_left,
    requires_two_factor,
    session_verified,
)
from chaikhana.accounts.twofactor.forms import CodeForm, DisableForm, EnrolForm
from chaikhana.core.errors import ActionError


class LoginView(auth_views.LoginView):
    """Django's login; a person with an authenticator is asked for a code before she is in.

    Someone who must have a second factor (staff, the portal's desk) and has none yet is sent
    straight from her password to enrolment, and on to where she was going.
    """

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if has_two_factor(user):
            pending.begin(self.request, user=user, next_url=self.get_success_url())
            return redirect("accounts:twofactor_verify")
        response = super().form_valid(form)
        if requires_two_factor(user):
            query = urlencode({"next": self.get_success_url()})
            return redirect(f"{reverse('accounts:twofactor')}?{query}")
        return response


def _posted(request: HttpRequest) -> QueryDict | None:
    # An empty POST is still a submission (an empty form gets its message, not a blank page).
    return request.POST if request.method == "POST" else None


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("code")
@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in (or of opening a staff page in an older session)."""
    waiting = pending.current(request)
    if request.user.is_authenticated:
        user, next_url = request.user, _next_url(request)
        if session_verified(user) or not has_two_factor(user):
            return redirect(next_url)
    elif waiting is not None:
        user, next_url = waiting.user, waiting.next_url
    else:
        messages.info(request, _("Log in first: your login took too long or has not begun."))
        return redirect("accounts:login")
    assert isinstance(user, User)
    form = CodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            device = actions.verify_code(user=user, code=form.cleaned_data["code"])
        except ActionError as err:
            form.add_error("code", str(err.message))
        else:
            if waiting is not None and not request.user.is_authenticated:
                login(request, user, backend=waiting.backend)
                pending.clear(request)
            otp_login(request, device)
            _warn_if_recovery_used(request, user, device)
            return redirect(next_url)
    return render(request, "accounts/twofactor/verify.html", {"form": form, "next": next_url})


def _warn_if_recovery_used(request: HttpRequest, user: User, device: object) -> None:
    if isinstance(device, StaticDevice):
        left = recovery_codes_left(user)
        messages.warning(
            request,
            ngettext(
                "You used a recovery code. %(count)d recovery code is left.",
                "You used a recovery code. %(count)d recovery codes are left.",
                left,
            )
            % {"count": left},
        )


def _qr_svg(device: TOTPDevice) -> SafeString:
    # The otpauth:// URI of Google's Key Uri Format, drawn here: no third-party QR service
    # ever sees the secret.
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title=_("QR code for your authenticator app"), border=2, light="#fff"
    )
    return mark_safe(svg)  # segno's own markup; the title is escaped by segno


def _secret(device: TOTPDevice) -> str:
    """The key in base32, as apps expect it typed by hand, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@sensitive_post_parameters("code")
@login_required
@never_cache
def manage(request: HttpRequest) -> HttpResponse:
    """Her two-factor status; without an authenticator, the page that sets one up."""
    user = request.user
    assert isinstance(user, User)
    next_url = _next_url(request)
    if has_two_factor(user):
        context = {"codes_left": recovery_codes_left(user), "next": next_url}
        return render(request, "accounts/twofactor/status.html", context)
    device = actions.start_enrolment(user=user)
    form = EnrolForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            codes = actions.confirm_enrolment(device=device, code=form.cleaned_data["code"])
        except ActionError as err:
            form.add_error("code", str(err.message))
        else:
            otp_login(request, device)
            return _show_codes(request, codes, next_url)
    context = {
        "form": form,
        "qr": _qr_svg(device),
        "secret": _secret(device),
        "next": next_url,
        "required": requires_two_factor(user),
    }
    return render(request, "accounts/twofactor/enrol.html", context)


def _show_codes(request: HttpRequest, codes: list[str], next_url: str) -> HttpResponse:
    # Shown in the answer to the POST that made them, never stored to be shown again.
    context = {"codes": codes, "next": next_url}
    return render(request, "accounts/twofactor/recovery_codes.html", context)


@sensitive_post_parameters("code")
@login_required
@never_cache
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not has_two_factor(user):
        return redirect("accounts:twofactor")
    form = CodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.verify_code(user=user, code=form.cleaned_data["code"])
        except ActionError as err:
            form.add_error("code", str(err.message))
        else:
            return _show_codes(
                request, actions.replace_recovery_codes(user=user), _next_url(request)
            )
    return render(request, "accounts/twofactor/new_codes.html", {"form": form})


@sensitive_post_parameters("code", "password")
@login_required
@never_cache
def disable(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not has_two_factor(user):
        return redirect("accounts:twofactor")
    form = DisableForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.disable_two_factor(user=user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("accounts:twofactor")
    return render(request, "accounts/twofactor/disable.html", {"form": form})
