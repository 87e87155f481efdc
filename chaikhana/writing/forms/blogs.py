"""Creating a blog and changing its settings."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.customcss import MAX_CUSTOM_CSS_CHARS, validate_custom_css
from chaikhana.blogs.models import Blog, Membership

SETTINGS_FIELDS = ("title", "tagline", "language", "theme", "visibility")


def _blog_field(name: str) -> forms.Field:
    model_field = Blog._meta.get_field(name)
    assert isinstance(model_field, models.Field)
    field = model_field.formfield()
    assert field is not None
    # A plain Form does not run the model's validators (a ModelForm would): add them.
    field.validators.extend(v for v in model_field.validators if v not in field.validators)
    return field


class BlogSettingsForm(forms.Form):
    """What an owner may change about her blog (the address never changes)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The theme is chosen in the theme picker (forms/looks.py), with its options: an
        # accent that reads on one theme's background may not on another's.
        for name in SETTINGS_FIELDS:
            if name != "theme":
                self.fields[name] = _blog_field(name)
        self.fields["feed_full_text"] = _blog_field("feed_full_text")
        self.fields["feed_full_text"].help_text = _(
            "Off: feed readers get the summary and a link to the post."
        )
        self.fields["feed_items"] = _blog_field("feed_items")
        self.fields["feed_items"].help_text = _(
            "How many of the newest posts a feed carries, from 1 to 50."
        )
        self.fields["custom_css"] = forms.CharField(
            label=_("Custom CSS"),
            required=False,
            strip=False,
            widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
            help_text=_(
                "Up to %(max)s characters. Only files of this site; no @import, no web fonts."
            )
            % {"max": f"{MAX_CUSTOM_CSS_CHARS:,}"},
        )

    def clean_custom_css(self) -> str:
        return validate_custom_css(self.cleaned_data["custom_css"])


class BlogCreateForm(forms.Form):
    """A new blog and the name its owner writes under there."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["name"] = _blog_field("name")
        for name in SETTINGS_FIELDS:
            self.fields[name] = _blog_field(name)
        pen_name = Membership._meta.get_field("pen_name")
        self.fields["pen_name"] = forms.CharField(
            label=_("Author name on this blog"),
            max_length=pen_name.max_length,
            help_text=_("Readers see this name. It need not be your username."),
        )
