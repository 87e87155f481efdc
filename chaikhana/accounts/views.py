"""Sign-up, profile, email confirmation and account deletion; Django's own views do login and
passwords."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from chaikhana.accounts import actions, email_links, throttle
from chaikhana.accounts.forms import DeleteAccountForm, ProfileForm, SignUpForm
from chaikhana.accounts.models import User
from chaikhana.core import network_settings
from chaikhana.core.errors import ActionError
from chaikhana.core.language import set_language_cookie
from chaikhana.core.models import NetworkSettings

BACKEND = "django.contrib.auth.backends.ModelBackend"


@sensitive_post_parameters("password", "password_confirm")
@never_cache
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("writing:dashboard")
    mode = network_settings.current().signup
    if mode == NetworkSettings.SignUp.CLOSED:
        return render(request, "accounts/signup_closed.html", status=403)
    form = SignUpForm(request.POST or None, with_invite=mode == NetworkSettings.SignUp.INVITE)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = actions.sign_up(
                username=data["username"],
                password=data["password"],
                email=data["email"],
                invite_code=data.get("invite_code", ""),
                address=throttle.request_address(request),
            )
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            login(request, user, backend=BACKEND)
            if data["email"]:
                messages.info(request, _email_sent(data["email"]))
            return redirect("writing:dashboard")
    return render(request, "accounts/signup.html", {"form": form})


def _email_sent(email: str) -> str:
    # The same words whether or not another account has the address: see request_email.
    return _(
        "We have sent a message to %(email)s. The address is used for your account once "
        "you follow the link in it."
    ) % {"email": email}


def _profile_initial(user: User) -> dict[str, str]:
    fields = ("display_name", "bio", "language", "email")
    return {name: getattr(user, name) for name in fields}


@login_required
@never_cache
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = ProfileForm(request.POST or None, initial=_profile_initial(user))
    if request.method == "POST" and form.is_valid():
        try:
            mailed = actions.update_profile(user=user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("Your profile is saved."))
            if mailed:
                messages.info(request, _email_sent(form.cleaned_data["email"]))
            response = redirect("accounts:profile")
            set_language_cookie(response, user.language)
            return response
    return render(request, "accounts/profile.html", {"form": form})


@sensitive_post_parameters("password")
@login_required
@never_cache
def delete(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        actions.delete_account(user=user)
        logout(request)
        messages.success(request, _("Your account and the blogs you alone owned are deleted."))
        return redirect("portal:home")
    return render(request, "accounts/delete.html", {"form": form})


@never_cache
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link mailed to a new address: a page with a button, since mail scanners follow
    links (a GET changes nothing)."""
    asked = email_links.read_token(token)
    if asked is None:
        return render(request, "accounts/email_confirm.html", {"broken": True}, status=400)
    if request.method == "POST":
        try:
            actions.confirm_email(request=asked)
        except ActionError as err:
            return render(
                request, "accounts/email_confirm.html", {"error": err.message}, status=409
            )
        messages.success(
            request, _("Your email address is now %(email)s.") % {"email": asked.email}
        )
        return redirect("accounts:profile" if request.user.is_authenticated else "accounts:login")
    return render(request, "accounts/email_confirm.html", {"email": asked.email})
