"""Forms for filing a report, deciding on one, and filtering the queue: input only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.network.reports.models import Report


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything moderators should know (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=2000, required=False)


def _any(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("Any")), *choices]


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=_any(Report.Status.choices), required=False
    )
    reason = forms.ChoiceField(
        label=_("Reason"), choices=_any(Report.Reason.choices), required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=_any(Report.Kind.choices), required=False)
