"""The roster form: one checkbox, one note (and for staff, one payment) per registration."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.courses.attendance import RosterEntry
from chaikhana.courses.models import Registration


class RosterForm(forms.Form):
    """Fields are named by registration id, so one POST saves the whole roster."""

    def __init__(
        self, *args: Any, registrations: Sequence[Registration], with_payments: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.registrations, self.with_payments = registrations, with_payments
        for r in registrations:
            name = r.display_name
            if r.status == Registration.Status.CONFIRMED:
                self.fields[f"attended-{r.pk}"] = forms.BooleanField(
                    label=_("%(name)s attended") % {"name": name},
                    required=False,
                    initial=r.attended,
                )
            self.fields[f"note-{r.pk}"] = forms.CharField(
                label=_("Private note on %(name)s") % {"name": name},
                required=False,
                max_length=2000,
                initial=r.tutor_note,
                widget=forms.Textarea(attrs={"rows": 2, "cols": 24}),
            )
            if with_payments:
                self.fields[f"paid-{r.pk}"] = forms.DecimalField(
                    label=_("Amount %(name)s paid") % {"name": name},
                    required=False,
                    min_value=Decimal(0),
                    max_digits=10,
                    decimal_places=2,
                    initial=r.paid_amount,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 8}),
                )

    def rows(self) -> list[dict[str, Any]]:
        """Each registration with its bound fields, for the template's table."""
        return [
            {
                "registration": r,
                "attended": self[f"attended-{r.pk}"] if f"attended-{r.pk}" in self.fields else None,
                "note": self[f"note-{r.pk}"],
                "paid": self[f"paid-{r.pk}"] if self.with_payments else None,
            }
            for r in self.registrations
        ]

    def entries(self) -> dict[int, RosterEntry]:
        data = self.cleaned_data
        return {
            r.pk: RosterEntry(
                attended=bool(data.get(f"attended-{r.pk}")),
                note=data.get(f"note-{r.pk}", ""),
                paid_amount=data.get(f"paid-{r.pk}"),
                set_payment=self.with_payments,
            )
            for r in self.registrations
        }
