"""The subscribe form (no account, no CSRF token: it sits on cached pages), and the owner's."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from chaikhana.newsletters.addresses import clean_address
from chaikhana.newsletters.models import MailingList, Subscription


def native_languages() -> list[tuple[str, str]]:
    """Each language in its own words: a reader picks the one she reads."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class SubscribeForm(forms.Form):
    kind = forms.ChoiceField(choices=MailingList.Kind.choices, widget=forms.HiddenInput)
    target = forms.SlugField(max_length=100, widget=forms.HiddenInput)
    # Not EmailField: clean_address gives each mistake its own message, and refuses line breaks.
    email = forms.CharField(
        label=_("Your email address"),
        max_length=400,
        strip=False,
        error_messages={
            "required": _("Enter your email address."),
            "max_length": _(
                "This address is too long: an email address has at most 254 characters."
            ),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.EVERY_POST,
    )
    language = forms.ChoiceField(label=_("Language of the messages"), choices=native_languages)
    images = forms.ChoiceField(
        label=_("Pictures"), choices=Subscription.Images.choices, initial=Subscription.Images.SMALL
    )
    # The honeypot: hidden from people, filled in by robots that fill in everything.
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["language"].initial = (get_language() or "ru")[:2]

    def clean_email(self) -> str:
        return clean_address(self.cleaned_data["email"])


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Subscription
        fields = ["frequency", "language", "images"]
        widgets = {"language": forms.Select(choices=native_languages)}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "A CSV with an “email” column: our own export, or one from WordPress, "
            "Ghost or Substack."
        ),
    )
    consent = forms.BooleanField(
        label=_("These people asked to receive this blog's posts by email"),
        help_text=_("Import only people who agreed. Their consent is recorded with the date."),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("The file is larger than 5 MB; split it into several."))
        return upload
