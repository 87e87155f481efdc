"""The themes a blog may choose, and its owner's options on top: the blog's *look*.

A blog's pages load one stylesheet: the public one with its theme's rules appended
(blogs/stylesheets.py), switched on by classes on <body>; a reader downloads only her theme.
An owner's accent colour arrives as custom properties in a few bytes of <style>; her custom
CSS comes after, so it still wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog
from chaikhana.core import colours

StrOrPromise = str | Promise


@dataclass(frozen=True)
class Theme:
    key: str
    label: StrOrPromise
    description: StrOrPromise
    body_class: str
    width: str = Blog.Width.NARROW  # the layout width and list the theme has by default
    layout: str = Blog.ListLayout.LIST
    # The page's background in light and dark mode (the accent must read on both).
    background: str = "#ffffff"
    dark_background: str = "#141414"
    # Lists show each post's first image even as a list (photo, magazine).
    covers: bool = False

    @property
    def stylesheet(self) -> str:
        """The static file a blog in this theme loads (blogs/stylesheets.py, bin/build_css)."""
        return f"blogs/css/{self.key}.css"

    @property
    def screenshot(self) -> str:
        """The static file of the theme picker's screenshot (bin/theme_screenshots)."""
        return f"blogs/themes/{self.key}.png"


THEMES: dict[str, Theme] = {
    Blog.Theme.TEXT: Theme(
        Blog.Theme.TEXT,
        Blog.Theme.TEXT.label,
        _("A serif column for long reading, dates and summaries; no pictures in lists."),
        "theme-text",
        background="#fbfaf6",
        dark_background="#171614",
    ),
    Blog.Theme.PHOTO: Theme(
        Blog.Theme.PHOTO,
        Blog.Theme.PHOTO.label,
        _("Dark and wide: pictures first, in a grid, as large as the screen allows."),
        "theme-photo",
        width=Blog.Width.WIDE,
        layout=Blog.ListLayout.GRID,
        background="#141414",
        covers=True,
    ),
    Blog.Theme.MAGAZINE: Theme(
        Blog.Theme.MAGAZINE,
        Blog.Theme.MAGAZINE.label,
        _("A news page for community blogs: the newest post leads, the others in a grid."),
        "theme-magazine",
        width=Blog.Width.WIDE,
        layout=Blog.ListLayout.GRID,
        covers=True,
    ),
    Blog.Theme.NOTEBOOK: Theme(
        Blog.Theme.NOTEBOOK,
        Blog.Theme.NOTEBOOK.label,
        _("Quiet and small: a dated index of notes, nothing else."),
        "theme-notebook",
        background="#fffffc",
        dark_background="#101010",
    ),
}
DEFAULT_THEME = THEMES[Blog.Theme.TEXT]


@dataclass(frozen=True)
class Look:
    """A theme with the owner's options applied: what a page needs to draw the blog."""

    theme: Theme
    width: str
    layout: str
    accent: str = ""

    @property
    def key(self) -> str:
        return self.theme.key

    @property
    def stylesheet(self) -> str:
        return self.theme.stylesheet

    @property
    def body_class(self) -> str:
        return f"{self.theme.body_class} layout-{self.width} posts-{self.layout}"

    @property
    def shows_covers(self) -> bool:
        return self.layout == Blog.ListLayout.GRID or self.theme.covers

    @property
    def accent_css(self) -> str:
        """Custom properties for the owner's accent (empty: the theme's own).

        An accent chosen for another theme that does not read on this one's background (her
        preview of a theme, a theme changed since) gives way to the theme's own.
        """
        if not colours.is_hex(self.accent):
            return ""
        if colours.contrast(self.accent, self.theme.background) < colours.MIN_CONTRAST:
            return ""
        dark = colours.readable_on(self.theme.dark_background, self.accent)
        return (
            f":root body{{--accent:{self.accent};--on-accent:{colours.text_on(self.accent)}}}"
            f"@media (prefers-color-scheme:dark){{:root body{{--accent:{dark};"
            f"--on-accent:{colours.text_on(dark)}}}}}"
        )


def theme_of(blog: Blog) -> Theme:
    """The blog's theme; a theme removed since the blog chose it falls back to text."""
    return THEMES.get(blog.theme, DEFAULT_THEME)


def look_of(blog: Blog, theme: Theme | None = None) -> Look:
    """*blog* drawn in its theme (or in *theme*, for an owner's preview) with its options."""
    theme = theme or theme_of(blog)
    return Look(
        theme=theme,
        width=blog.layout_width or theme.width,
        layout=blog.list_layout or theme.layout,
        accent=blog.accent_color,
    )


def validate_accent(colour: str, theme: Theme) -> str:
    """*colour* as ``#rrggbb`` (lower case) if text in it reads on *theme*'s background."""
    colour = colour.strip().lower()
    if not colour:
        return ""
    if not colours.is_hex(colour):
        raise ValidationError(
            _("Write the colour as # and six hexadecimal digits, for example #8a3b12."),
            code="not_hex",
        )
    ratio = colours.contrast(colour, theme.background)
    if ratio < colours.MIN_CONTRAST:
        raise ValidationError(
            _(
                "Text in %(colour)s is hard to read on this theme's background (contrast "
                "%(ratio)s:1, at least %(min)s:1 is needed). Choose a %(direction)s colour."
            ),
            code="low_contrast",
            params={
                "colour": colour,
                "ratio": f"{ratio:.1f}",
                "min": colours.MIN_CONTRAST,
                "direction": _("darker")
                if colours.luminance(theme.background) > 0.5
                else _("lighter"),
            },
        )
    return colour
