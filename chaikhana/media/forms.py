"""The library's forms: upload (file + description) and describe."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.media.conf import ALT_CHARS, CAPTION_CHARS

ACCEPT = (
    "image/jpeg,image/png,image/webp,image/gif,image/avif,"
    "audio/mpeg,audio/ogg,audio/mp4,application/pdf"
)


class DescribeForm(forms.Form):
    alt = forms.CharField(
        label=_("Description for people who cannot see the image"),
        help_text=_("What the picture shows, in a sentence. Screen readers read it aloud."),
        max_length=ALT_CHARS,
        required=False,
    )
    caption = forms.CharField(
        label=_("Caption"),
        help_text=_("Shown under the image: credit, place, date."),
        max_length=CAPTION_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class UploadForm(DescribeForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Photos, sound or a PDF. Location and camera details are removed from photos; "
            "author, tags and recording place are removed from sound and PDF files."
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    field_order = ["file", "alt", "caption"]
