"""The one font images are drawn with (title cards, icons): bold, with Cyrillic.

Pillow ships only a Latin font (``ImageFont.load_default``), so a Russian or Kyrgyz title
needs one from the system: Debian's fonts-dejavu-core (installed with fontconfig, and so with
Chromium and most desktops), else Noto, Liberation or FreeFont. Without any of them the
cards fall back to Pillow's font, which has no Cyrillic (Russian and Kyrgyz would show as
boxes). ``manage.py check`` says so too.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.core import checks
from PIL import ImageFont

BOLD_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=1)
def bold_font_path() -> str | None:
    """The first bold font with Cyrillic this machine has, or None."""
    return next((path for path in BOLD_FONTS if Path(path).is_file()), None)


@lru_cache(maxsize=16)
def bold_font(size: int) -> Font:
    path = bold_font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def check_cyrillic_font(**kwargs: object) -> list[checks.CheckMessage]:
    """A system check: warn when title cards would draw Cyrillic as boxes."""
    if bold_font_path() is not None:
        return []
    hint = "Install Debian's fonts-dejavu-core (or fonts-noto-core, fonts-liberation)."
    message = "No bold font with Cyrillic: link previews of Russian and Kyrgyz titles show boxes."
    return [checks.Warning(message, hint=hint, id="core.W001")]
