"""The themes a blog may choose: a label for the settings form and a class for <body>.

Both themes live in the one stylesheet (core/static/css/chaikhana.css), switched by the class,
so choosing a theme never costs a reader another download.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

from chaikhana.blogs.models import Blog


@dataclass(frozen=True)
class Theme:
    key: str
    label: str | Promise
    body_class: str
    # Photo-first blogs show their lists as a grid of cover images.
    shows_covers: bool = False


THEMES: dict[str, Theme] = {
    Blog.Theme.TEXT: Theme(Blog.Theme.TEXT, Blog.Theme.TEXT.label, "theme-text"),
    Blog.Theme.PHOTO: Theme(
        Blog.Theme.PHOTO, Blog.Theme.PHOTO.label, "theme-photo", shows_covers=True
    ),
}
DEFAULT_THEME = THEMES[Blog.Theme.TEXT]


def theme_of(blog: Blog) -> Theme:
    """The blog's theme; a theme removed since the blog chose it falls back to text."""
    return THEMES.get(blog.theme, DEFAULT_THEME)
