"""The dashboard's import forms: one WXR file; a LiveJournal entries file and its comments."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from chaikhana.porting.livejournal.parser import LjError, read_comments, read_entries

MAX_UPLOAD_MB = 512
# LiveJournal exports come a month (entries) or a journal (comments) per file; each is parsed
# whole while she waits, so the cap is lower than for WXR.
LJ_MAX_UPLOAD_MB = 64


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


def _readable(upload: UploadedFile, read: Callable[[UploadedFile], int]) -> UploadedFile:
    """The whole file is parsed here, so a bad one is named next to its field, not later."""
    if upload.size is not None and upload.size > LJ_MAX_UPLOAD_MB * 1024 * 1024:
        raise forms.ValidationError(
            _("The file is larger than %(mb)d MB.") % {"mb": LJ_MAX_UPLOAD_MB}
        )
    try:
        found = read(upload)
    except LjError as error:
        raise forms.ValidationError(str(error)) from error
    finally:
        upload.seek(0)
    if not found:
        raise forms.ValidationError(_("There is nothing to import in this file."))
    return upload


def _comments_or_names(upload: UploadedFile) -> int:
    found = read_comments([upload])
    return len(found.comments) + len(found.usermap)  # comment_meta may hold only usernames


class LjImportForm(forms.Form):
    """A LiveJournal (or Dreamwidth) export: the entries file and up to two comment files."""

    entries = forms.FileField(
        label=_("Entries (XML)"),
        help_text=_("The file LiveJournal's “Export journal” page gives, in XML."),
    )
    comment_meta = forms.FileField(
        label=_("Comments: comment_meta (XML, optional)"), required=False
    )
    comment_body = forms.FileField(
        label=_("Comments: comment_body (XML, optional)"), required=False
    )

    def clean_entries(self) -> UploadedFile:
        return _readable(self.cleaned_data["entries"], lambda f: len(read_entries(f)))

    def _comments(self, name: str) -> UploadedFile | None:
        upload = self.cleaned_data.get(name)
        if not upload:
            return None
        return _readable(upload, _comments_or_names)

    def clean_comment_meta(self) -> UploadedFile | None:
        return self._comments("comment_meta")

    def clean_comment_body(self) -> UploadedFile | None:
        return self._comments("comment_body")

    def comment_files(self) -> list[UploadedFile]:
        given = (self.cleaned_data.get("comment_meta"), self.cleaned_data.get("comment_body"))
        return [f for f in given if f]
