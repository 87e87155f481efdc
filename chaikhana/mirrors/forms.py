"""The staff form that lists a mirror."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class MirrorForm(forms.Form):
    url = forms.URLField(
        label=_("Address readers open"),
        max_length=300,
        assume_scheme="https",
        error_messages={
            "required": _("Type the mirror's address, e.g. https://mirror.example.org/.")
        },
    )
    label = forms.CharField(label=_("Label"), max_length=100, required=False)
    target = forms.CharField(
        label=_("Where the network writes it (optional)"),
        max_length=300,
        required=False,
        help_text=_(
            "A directory on this server (/srv/mirror) or s3://bucket/prefix, refreshed every "
            "hour. Leave empty for a copy someone else keeps (rsync, docs/mirrors.md)."
        ),
    )
