"""The editor's form, and the smaller one its autosave sends."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.actions import PostContent, PostRequest
from chaikhana.blogs.models import Category, Membership, Post
from chaikhana.blogs.models.post import MAX_BODY_CHARS
from chaikhana.blogs.roles import PUBLISHES


def _interpolated(text: str | Promise, **values: str) -> str:
    """*text* % *values*, translated when shown: `lazy % dict` would translate once, at import,
    in the default language, and every reader would get English help."""
    return cast(str, lazy(lambda: str(text) % values, str)())


# Contributors write and submit; an editor or the owner publishes (roles.py).
CONTRIBUTOR_STATUSES = (Post.Status.DRAFT, Post.Status.PENDING)
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def _no_maxlength(field: forms.CharField) -> forms.CharField:
    # A browser's maxlength silently cuts pasted text; the server says so instead.
    field.widget.attrs.pop("maxlength", None)
    return field


def status_choices(membership: Membership) -> list[tuple[str, object]]:
    if membership.role in PUBLISHES:
        return list(Post.Status.choices)
    return [(value, label) for value, label in Post.Status.choices if value in CONTRIBUTOR_STATUSES]


def split_tags(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


class TextFields(forms.Form):
    """The text of a post: what both the editor and its autosave send."""

    title = _no_maxlength(
        forms.CharField(
            label=_("Title"),
            max_length=200,
            widget=forms.TextInput(attrs={"placeholder": _("Title"), "autocomplete": "off"}),
        )
    )
    body_source = _no_maxlength(
        forms.CharField(
            label=_("Text"),
            required=False,
            strip=False,
            max_length=MAX_BODY_CHARS,
            widget=forms.Textarea(attrs={"rows": 20, "placeholder": _("Start writing…")}),
            help_text=_interpolated(
                _(
                    "Markdown. Up to %(max)s characters. Images: ![description](address). "
                    "A gallery: a ```gallery block with one image per line."
                ),
                max=f"{MAX_BODY_CHARS:,}",
            ),
        )
    )
    excerpt = _no_maxlength(
        forms.CharField(
            label=_("Excerpt"),
            required=False,
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Optional. Shown in lists and feeds instead of the first words."),
        )
    )
    kind = forms.ChoiceField(choices=Post.Kind.choices, widget=forms.HiddenInput)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class AutosaveForm(TextFields):
    """An autosave may come before the title is written."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["title"].required = False
        self.fields["kind"].required = False
        self.fields["language"].required = False

    def to_content(self, *, blog_language: str, untitled: str) -> PostContent:
        data = self.cleaned_data
        return PostContent(
            title=data["title"] or untitled,
            body_source=data["body_source"],
            excerpt=data["excerpt"],
            language=data["language"] or blog_language,
        )


class PostForm(TextFields):
    slug = forms.CharField(
        label=_("Address (slug)"),
        max_length=100,
        required=False,
        help_text=_("Optional. Left empty, it is made from the title in latin letters."),
    )
    status = forms.ChoiceField(label=_("Status"))
    published_at = forms.DateTimeField(
        label=_("Publish time"),
        required=False,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        help_text=_interpolated(
            _("In the network’s time zone (%(zone)s). To schedule, pick a future time."),
            zone=settings.TIME_ZONE,
        ),
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Categories"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=_("Tags"), required=False, help_text=_("Separate tags with commas.")
    )
    base_version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: object,
        membership: Membership,
        categories: QuerySet[Category],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["status"].choices = status_choices(membership)  # type: ignore[attr-defined]
        self.fields["categories"].queryset = categories  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        when = data.get("published_at")
        scheduled = data.get("status") == Post.Status.SCHEDULED
        in_future = isinstance(when, datetime) and when > timezone.now()
        if scheduled and not in_future and "published_at" not in self.errors:
            self.add_error("published_at", _("Choose a publish time in the future."))
        return data

    def to_request(self) -> PostRequest:
        data = self.cleaned_data
        return PostRequest(
            title=data["title"],
            body_source=data["body_source"],
            excerpt=data["excerpt"],
            slug=data["slug"],
            language=data["language"],
            status=data["status"],
            published_at=data["published_at"],
            kind=data["kind"],
            categories=list(data["categories"]),
            tag_names=split_tags(data["tags"]),
        )


def initial_for(post: Post) -> dict[str, object]:
    """The editor's fields for a saved post."""
    return {
        "title": post.title,
        "body_source": post.body_source,
        "excerpt": post.excerpt,
        # A draft's slug follows its title until set by hand: show it empty, so that saving
        # does not freeze an address made from a half-typed title.
        "slug": "" if post.slug_from_title and post.published_at is None else post.slug,
        "language": post.language,
        "status": post.status,
        "published_at": post.published_at,
        "categories": list(post.categories.all()),
        "tags": ", ".join(tag.name for tag in post.tags.all()),
        "kind": post.kind,
        "base_version": post.version,
    }
