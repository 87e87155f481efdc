"""Forms: the comment form under a post, editing one's own comment, the blog's policy,
the moderation queue's decisions and the moderator's reply."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.comments import conf
from chaikhana.comments.actions import DECISIONS
from chaikhana.comments.models import Comment, CommentSettings
from chaikhana.comments.spam.forms import HONEYPOT_FIELD, spam_fields


class BodyField(forms.CharField):
    """The comment's text; too long gets a message next to the field, the text kept."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label=_("Comment"),
            widget=forms.Textarea(attrs={"rows": 6}),
            help_text=_("*emphasis*, **strong**, [links](https://…), > quotes, `code`."),
            strip=True,
            error_messages={"required": _("Write something first.")},
            **kwargs,
        )

    def validate(self, value: Any) -> None:
        super().validate(value)
        if len(value) > conf.max_chars():
            raise forms.ValidationError(
                _("A comment can be at most %(max)d characters long; yours has %(n)d."),
                params={"max": conf.max_chars(), "n": len(value)},
                code="max_length",
            )


class CommentForm(forms.Form):
    """Guests give a name (email and website optional); signed-in people comment as themselves."""

    body = BodyField()
    name = forms.CharField(label=_("Your name"), max_length=100, required=False)
    email = forms.EmailField(
        label=_("Email (optional, never shown)"),
        required=False,
        help_text=_("Only needed to get replies by mail."),
    )
    website = forms.URLField(
        label=_("Website (optional)"), required=False, max_length=300, assume_scheme="https"
    )
    notify_replies = forms.BooleanField(label=_("Email me replies to my comment"), required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(
        self,
        *args: Any,
        signed_in: bool = False,
        now: datetime | None = None,
        scope: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # The spam engine's honeypot and signed timing token (comments/spam/forms.py).
        # A guest's form may be stored in the page cache and given to every reader: its token
        # is a shared one (counted, not single-use). Post pages load no script (the 14 KB,
        # two-request budget), so there is no per-reader token fetch; a cached copy is
        # replaced, with a fresh token, whenever a comment is approved.
        self.fields.update(spam_fields(now or timezone.now(), shared=not signed_in, scope=scope))
        self.fields["body"].widget.attrs["id"] = "comment-body"
        if signed_in:
            for name in ("name", "email", "website"):
                del self.fields[name]
        else:
            self.fields["name"].required = True
            self.fields["name"].error_messages["required"] = _(
                "Tell us your name (any name you like)."
            )

    def person_fields(self) -> list[forms.BoundField]:
        """The fields people fill in (the honeypot is rendered apart, hidden)."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def honeypot(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]

    def clean_website(self) -> str:
        url = self.cleaned_data.get("website") or ""
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Give a web address starting with http:// or https://."))
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("notify_replies") and "email" in self.fields and not data.get("email"):
            self.add_error("email", _("Give an email address to get replies by mail."))
        return data


class CommentEditForm(forms.Form):
    body = BodyField()


class CommentSettingsForm(forms.ModelForm):
    class Meta:
        model = CommentSettings
        fields = ["mode", "close_after_days", "hold_first_comment", "max_links"]
        widgets = {"mode": forms.RadioSelect}


class ModerationForm(forms.Form):
    """Checked comments and one decision; or one row's own button (``single=approve:12``)."""

    comment = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())
    decision = forms.ChoiceField(
        label=_("With the checked comments"),
        choices=[(key, label) for key, (_fn, label) in DECISIONS.items()],
        required=False,
    )
    single = forms.CharField(required=False)

    def __init__(self, *args: Any, ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ids = set(ids)
        self.fields["comment"].choices = [(i, i) for i in ids]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision, _sep, one = str(data.get("single") or "").partition(":")
        if decision in DECISIONS and one.isdigit() and int(one) in self.ids:
            data["decision"], data["comment"] = decision, [int(one)]
        if not data.get("decision") or not data.get("comment"):
            raise forms.ValidationError(_("Check some comments and choose what to do with them."))
        return data


class ReplyForm(forms.Form):
    body = BodyField()


STATUS_FILTERS = [
    (Comment.Status.PENDING, _("Waiting")),
    (Comment.Status.APPROVED, _("Approved")),
    (Comment.Status.SPAM, _("Spam")),
    (Comment.Status.TRASH, _("Trash")),
]
