"""Forms for registering and for the staff pages; actions enforce the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chaikhana.courses.actions import Person
from chaikhana.courses.models import Course, Session
from chaikhana.courses.validators import normalise_phone

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(
        label=_("Phone"), max_length=32, required=False, help_text=_("An email or a phone.")
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        return normalise_phone(phone) if phone else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("email") or data.get("phone")):
            self.add_error("email", _("Give an email address or a phone number."))
        return data

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(name=data["name"], email=data["email"], phone=data["phone"])


class GroupForm(forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    contact_name = forms.CharField(label=_("Contact person"), max_length=150)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=32, required=False)
    people = forms.CharField(
        label=_("People"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One person a line: the name, then optionally a comma and her email or phone."),
    )

    def clean_people(self) -> list[Person]:
        people = []
        for line in self.cleaned_data["people"].splitlines():
            name, _sep, contact = line.partition(",")
            contact = contact.strip()
            if not name.strip():
                continue
            if "@" in contact:
                people.append(Person(name=name.strip(), email=contact))
            else:
                people.append(Person(name=name.strip(), phone=contact))
        if not people:
            raise ValidationError(_("Name at least one person."))
        return people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("contact_email") or data.get("contact_phone")):
            self.add_error("contact_email", _("Give an email address or a phone number."))
        return data

    def contact(self) -> Person:
        data = self.cleaned_data
        return Person(data["contact_name"], data["contact_email"], data["contact_phone"])


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "title", "slug", "description", "topic", "level", "language", "tutors",
            "for_bloggers", "for_journalists", "for_ngos", "fee_amount", "fee_currency",
            "materials_for_enrolled_only", "is_published",
        ]  # fmt: skip
        widgets = {"tutors": forms.CheckboxSelectMultiple}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("fee_amount") is not None and not data.get("fee_currency"):
            self.add_error("fee_currency", _("A fee needs a currency."))
        if data.get("fee_amount") is None and data.get("fee_currency"):
            self.add_error("fee_amount", _("Give the amount, or leave the currency empty."))
        return data


class SessionForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = Session
        fields = [
            "title", "starts_at", "ends_at", "place", "online_url", "capacity", "cancel_deadline",
        ]  # fmt: skip
        widgets = {
            name: forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT)
            for name in ("starts_at", "ends_at", "cancel_deadline")
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        if not (data.get("place") or data.get("online_url")) and not self.errors:
            self.add_error("place", _("Give a place or an online link."))
        return data
