"""Adding people to a blog and changing their roles."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.accounts.models import User
from chaikhana.blogs.roles import Role

PEN_NAME_HELP = _("Readers see this name. It need not be the username.")


class MemberAddForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.AUTHOR)
    pen_name = forms.CharField(
        label=_("Author name on this blog"), max_length=100, help_text=PEN_NAME_HELP
    )

    def clean_username(self) -> User:
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("There is no one with this username on the network."))
        return user


class MemberChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    pen_name = forms.CharField(label=_("Author name on this blog"), max_length=100)
