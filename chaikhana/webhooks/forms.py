"""The subscription form: an address, the events, a note; the address is checked at save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.webhooks import events


class EndpointForm(forms.Form):
    url = forms.URLField(
        label=_("Address to send to"),
        max_length=500,
        assume_scheme="https",
        help_text=_("A public https address of your app; private and local networks are refused."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    description = forms.CharField(label=_("Note (for you)"), max_length=100, required=False)

    def __init__(self, *args: Any, names: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["events"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(name, f"{events.EVENTS[name]} ({name})") for name in names]
        field.initial = list(names)
