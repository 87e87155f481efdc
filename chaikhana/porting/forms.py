"""The dashboard's import form: one WXR file."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_MB = 512


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("WordPress export file (WXR, .xml)"),
        help_text=_("In WordPress: Tools → Export → All content."),
    )
    fetch_media = forms.BooleanField(
        label=_("Copy images and other attachments here"), required=False, initial=True
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB.") % {"mb": MAX_UPLOAD_MB}
            )
        head = upload.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
        upload.seek(0)
        if not head.startswith(b"<"):
            raise forms.ValidationError(
                _("This is not an XML file. Upload the .xml file WordPress exported.")
            )
        return upload
