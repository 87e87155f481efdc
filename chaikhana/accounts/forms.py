"""Forms for signing up, logging in, the profile and deleting an account: input only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from chaikhana.accounts import throttle
from chaikhana.accounts.models import User

EMAIL_HELP = _(
    "Used only to recover your password and for notices you ask for; never shown to anyone."
)


def _invite_code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Invite code"),
        max_length=40,
        help_text=_("Sign-up on this network is by invitation: type the code you were given."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )


class SignUpForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_(
            "Letters (any alphabet), digits and @ . + - _ only. Used to log in; "
            "never shown to readers."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    email = forms.EmailField(label=_("Email (optional)"), required=False, help_text=EMAIL_HELP)
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, with_invite: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_invite:  # sign-up is invite-only: the code comes first
            self.fields = {"invite_code": _invite_code_field(), **self.fields}

    def clean_password_confirm(self) -> str:
        confirm = self.cleaned_data["password_confirm"]
        if self.cleaned_data.get("password") not in (None, confirm):
            raise ValidationError(_("The two passwords differ. Type the same one twice."))
        return confirm

    def clean(self) -> dict[str, Any]:
        # Judge the password now, with every other mistake, to save a round trip on a
        # slow connection; sign_up judges it again for callers that skip this form.
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        if password:
            candidate = User(username=cleaned.get("username", ""), email=cleaned.get("email", ""))
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form, slowing an account tried too often from one address (throttle)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        # Usernames ignore case here (see User.username_key); passwords do not.
        "invalid_login": _("Wrong username or password. Passwords are case-sensitive."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username is None or not self.cleaned_data.get("password"):
            return super().clean()
        address = throttle.request_address(self.request)
        if wait := throttle.wait(username=username, address=address):
            raise ValidationError(_wait_message(wait), code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.record_failure(username=username, address=address)
            raise
        throttle.clear_username(username=username, address=address)
        return cleaned


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending at most a few mails per mailbox and address (throttle).

    Past the limit it sends nothing and the page says the same as always: whether a mailbox
    has an account, or was asked for too often, is never told.
    """

    def save(self, *args: Any, **kwargs: Any) -> None:  # the view passes request= by name
        address = throttle.request_address(kwargs.get("request"))
        if throttle.reset_mail_allowed(email=self.cleaned_data["email"], address=address):
            super().save(*args, **kwargs)


def _wait_message(wait: throttle.Wait) -> str:
    if wait.whole_address:
        message = ngettext(
            "Too many failed sign-ins from your network (it may be shared with others). "
            "Try again in %(minutes)d minute.",
            "Too many failed sign-ins from your network (it may be shared with others). "
            "Try again in %(minutes)d minutes.",
            wait.minutes,
        )
    else:
        message = ngettext(
            "Too many failed attempts. Try again in %(minutes)d minute.",
            "Too many failed attempts. Try again in %(minutes)d minutes.",
            wait.minutes,
        )
    return message % {"minutes": wait.minutes}


def _language_choices() -> list[tuple[str, Any]]:
    return [("", _("Follow my browser")), *settings.LANGUAGES]


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=100,
        required=False,
        help_text=_("Shown where the network names you. It need not be your real name."),
    )
    bio = forms.CharField(
        label=_("Short bio"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    language = forms.ChoiceField(
        label=_("Interface language"), choices=_language_choices, required=False
    )
    email = forms.EmailField(label=_("Email (optional)"), required=False, help_text=EMAIL_HELP)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        help_text=_("To confirm that it is you who deletes this account."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("This is not your password."))
        return password
