"""A blog's theme and its options (the theme picker in the blog's settings)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog
from chaikhana.blogs.themes import THEMES, validate_accent
from chaikhana.media.models import MediaFile

HEADER_IMAGES = 60  # the newest images of the library offered as a header


class BlogLookForm(forms.Form):
    theme = forms.ChoiceField(
        label=_("Theme"), choices=Blog.Theme.choices, widget=forms.RadioSelect
    )
    accent_color = forms.CharField(
        label=_("Accent colour"),
        required=False,
        max_length=7,
        help_text=_(
            "For links, labels and lines: # and six hexadecimal digits, for example #8a3b12. "
            "Empty: the theme's own. It must read well on the theme's background."
        ),
        widget=forms.TextInput(attrs={"placeholder": "#8a3b12", "size": 8, "spellcheck": "false"}),
    )
    header_image = forms.ChoiceField(
        label=_("Header image"),
        required=False,
        help_text=_("Shown above the blog's name on its front page. Upload it to Media first."),
    )
    layout_width = forms.ChoiceField(
        label=_("Layout width"), required=False, choices=Blog.Width.choices
    )
    list_layout = forms.ChoiceField(
        label=_("List of posts"), required=False, choices=Blog.ListLayout.choices
    )

    def __init__(self, *args: object, blog: Blog, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        images = MediaFile.objects.for_blog(blog).images().order_by("-pk")[:HEADER_IMAGES]
        choices: list[tuple[str, object]] = [("", _("No header image"))]
        choices += [(m.url, m.alt or m.original_name) for m in images]
        if blog.header_image and blog.header_image not in dict(choices):
            choices.append((blog.header_image, blog.header_image.rsplit("/", 1)[-1]))
        self.fields["header_image"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        theme = THEMES.get(str(data.get("theme", "")))
        if theme is not None and "accent_color" in data:
            try:
                data["accent_color"] = validate_accent(str(data["accent_color"]), theme)
            except ValidationError as error:
                self.add_error("accent_color", error)
        return data
