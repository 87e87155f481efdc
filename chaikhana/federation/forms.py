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
        help_texts = {
            "enabled": _(
                "Off: the blog has no fediverse address, and posts already sent are withdrawn."
            ),
            "approve_followers": _("New followers wait here until you accept them."),
        }


class InstancePolicyForm(forms.ModelForm[InstancePolicy]):
    class Meta:
        model = InstancePolicy
        fields = ["host", "mode", "note"]
        help_texts = {"host": _("A domain such as example.social; its subdomains are included.")}

    def clean_host(self) -> str:
        host = self.cleaned_data["host"].strip().lower().removeprefix("https://").strip("/")
        if not _HOST.match(host):
            raise forms.ValidationError(_("Give a server's domain, like example.social."))
        return host

    def validate_unique(self) -> None:  # a second rule for a host replaces the first
        pass
