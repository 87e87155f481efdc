"""Forms for two-factor authentication: input only (the actions check the codes)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


def _code_field(*, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=_("Code"),
        max_length=32,
        required=required,
        help_text=_(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class CodeForm(forms.Form):
    code = _code_field()


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=_("First code from your app"),
        max_length=12,
        help_text=_("To confirm the app is set up: the 6 digits it shows for this account."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class DisableForm(forms.Form):
    code = _code_field(required=False)
    password = forms.CharField(
        label=_("Or your password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
