"""Forms for the network's staff pages: input only, the actions decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chaikhana.core.models import DEFAULT_THEME_COLOR, NetworkSettings


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Actor (username)"), required=False, max_length=150)
    action = forms.CharField(label=_("Action"), required=False, max_length=64)
    target = forms.CharField(
        label=_("Target"),
        required=False,
        max_length=130,
        help_text=_("A type and an id, such as blogs.blog:12, or words from its name."),
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise ValidationError(_("The start date is after the end date."))
        return cleaned


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=150)


class PeopleFilterForm(SearchForm):
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("Everyone")),
            ("active", _("Active")),
            ("suspended", _("Suspended")),
            ("deleting", _("To be deleted")),
            ("staff", _("Staff")),
        ],
    )


class BlogFilterForm(SearchForm):
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All blogs")),
            ("active", _("Active")),
            ("suspended", _("Suspended")),
            ("deleting", _("To be deleted")),
        ],
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("The owner reads this in her dashboard; the audit log keeps it."),
    )


class DeleteForm(ReasonForm):
    """Deleting asks twice: a reason, and a tick that says she means it (no script needed)."""

    confirm = forms.BooleanField(
        label=_("Yes, delete it: after 30 days it cannot be restored."),
        error_messages={"required": _("Tick the box to confirm the deletion.")},
    )


class QuotaForm(forms.Form):
    megabytes = forms.IntegerField(
        label=_("Storage (MB)"),
        required=False,
        min_value=0,
        max_value=10_000_000,
        help_text=_("Empty: the network's default."),
    )


class BlogLimitForm(forms.Form):
    blogs = forms.IntegerField(
        label=_("Blogs allowed"),
        required=False,
        min_value=0,
        max_value=1000,
        help_text=_("Empty: the network's limit."),
    )


def _theme_choices() -> list[tuple[str, Any]]:
    from chaikhana.blogs.models import Blog

    return list(Blog.Theme.choices)


class NetworkSettingsForm(forms.Form):
    name = forms.CharField(
        label=_("Network name"),
        required=False,
        max_length=100,
        help_text=_("Empty: the name set in the server's configuration."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        required=False,
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: all of them."),
    )
    signup = forms.ChoiceField(label=_("Sign-up"), choices=NetworkSettings.SignUp.choices)
    default_theme = forms.ChoiceField(label=_("Default theme"), choices=_theme_choices)
    blogs_per_user = forms.IntegerField(
        label=_("Blogs per person"), required=False, min_value=0, max_value=1000
    )
    quota_mb = forms.IntegerField(
        label=_("Storage per person (MB)"), required=False, min_value=0, max_value=10_000_000
    )
    comment_mode = forms.ChoiceField(
        label=_("Who may comment on a new blog"), choices=NetworkSettings.CommentMode.choices
    )
    hold_first_comment = forms.BooleanField(
        label=_("Hold a first-time commenter's comment for approval"), required=False
    )
    theme_color = forms.RegexField(
        label=_("Theme colour"),
        regex=r"^#[0-9a-fA-F]{6}$",
        required=False,
        max_length=7,
        # Text, not type="color": a colour picker always sends a colour, so "empty" is lost.
        widget=forms.TextInput(attrs={"placeholder": DEFAULT_THEME_COLOR, "size": 8}),
        help_text=_(
            "A colour such as #8a3b12, for the phone's address bar, the app icons and the"
            " pictures shown when a link is shared. Empty: the network's rust red."
        ),
    )
    icon = forms.FileField(
        label=_("Icon"),
        required=False,
        help_text=_(
            "A square picture, at least 512 pixels wide, for browser tabs and phones' home"
            " screens. Without one, the icon is the first letter of the network's name."
        ),
    )
    remove_icon = forms.BooleanField(label=_("Remove the icon"), required=False)


class InviteForm(forms.Form):
    max_uses = forms.IntegerField(label=_("Uses allowed"), min_value=1, max_value=10_000, initial=1)
    expires_at = forms.DateTimeField(
        label=_("Expires"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Empty: never."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=200)


class BlockWordForm(forms.Form):
    word = forms.CharField(
        label=_("Word or phrase"),
        max_length=200,
        error_messages={"required": _("Type the word or phrase to block.")},
        help_text=_("Whole words, any case: blocking “loan” does not hold “loaned”."),
    )


class BlockDomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Link domain"),
        max_length=200,
        error_messages={"required": _("Type the domain to block, such as example.com.")},
        help_text=_("Its subdomains are blocked with it."),
    )
