"""The OPML upload form: a size check before a byte is parsed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chaikhana.reading.following.opml import MAX_FILE_BYTES


class OpmlImportForm(forms.Form):
    file = forms.FileField(
        label=_("OPML file"),
        help_text=_("The subscription list your feed reader exports (.opml or .xml), up to 1 MB."),
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        return bytes(upload.read())
