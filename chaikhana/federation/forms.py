"""The owner's switches and the staff's server rules."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.federation.models import BlogFederation, InstancePolicy

_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


class BlogFederationForm(forms.ModelForm[BlogFederation]):
    class Meta:
        model = BlogFederation
        fields = ["enabled", "approve_followers"]


class InstancePolicyForm(forms.Form):
    host = forms.CharField(
        label=_("server"),
        max_length=255,
        help_text=_("A domain such as example.social; its subdomains are included."),
    )
    mode = forms.ChoiceField(label=_("rule"), choices=InstancePolicy.Mode.choices)
    note = forms.CharField(label=_("why (staff only)"), max_length=300, required=False)

    def clean_host(self) -> str:
        host = self.cleaned_data["host"].strip().lower().removeprefix("https://").strip("/")
        if not _HOST.match(host):
            raise forms.ValidationError(_("Give a server's domain, like example.social."))
        return host
