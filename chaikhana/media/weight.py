"""What a post weighs on the wire for a first-time reader on a 360-px phone.

The images counted are those a browser picks from our srcset: the slot is the viewport
(``sizes`` says 100vw on phones), times a device pixel ratio of 2, and the browser takes the
smallest candidate that covers it — what Debian's Chromium 156 was seen to fetch in
bench/pageweight (720 px wanted: the 768-wide rendition; before that width existed, 1024).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import cache

from django.contrib.staticfiles import finders

from chaikhana.media.models import MediaFile

PHONE_CSS_PX = 360
PHONE_DPR = 2
# The page around a post's body (header, nav, byline, footer), gzipped: measured on our
# templates at about 2 KB; a rounder number keeps the estimate on the heavy side.
PAGE_CHROME_BYTES = 2500
# What a blog post links: the public CSS with its theme (blogs/stylesheets.py); the journal's.
STYLESHEET = "blogs/css/text.css"
FORMAT_PREFERENCE = ("avif", "webp", "jpeg", "png")


@dataclass(frozen=True)
class Candidate:
    url: str
    width: int
    size: int


def _candidates(media: MediaFile) -> list[Candidate]:
    """The srcset a modern phone browser reads: its best format's renditions + the original."""
    renditions = list(media.renditions.all())
    for fmt in FORMAT_PREFERENCE:
        chosen = [Candidate(r.file.url, r.width, r.size) for r in renditions if r.format == fmt]
        if chosen:
            break
    else:
        chosen = []
    original = Candidate(media.url, media.width or 0, media.size)
    return sorted([*chosen, original], key=lambda c: c.width)


def pick(candidates: list[Candidate], slot_px: int, dpr: float) -> Candidate:
    """The candidate Blink loads for a *slot_px*-wide slot at *dpr*."""
    for candidate in candidates:
        if candidate.width / slot_px >= dpr:
            return candidate
    return candidates[-1]


def phone_image(media: MediaFile) -> Candidate:
    """The file a 360-px phone at 2x loads for *media* (the original until renditions exist)."""
    if media.kind != MediaFile.Kind.IMAGE or media.is_animated or not media.width:
        return Candidate(media.url, media.width or 0, media.size)
    return pick(_candidates(media), PHONE_CSS_PX, PHONE_DPR)


@cache
def stylesheet_bytes() -> int:
    path = finders.find(STYLESHEET)
    if not path:
        return 0
    with open(path if isinstance(path, str) else path[0], "rb") as css:
        return len(gzip.compress(css.read()))


@dataclass
class Weight:
    html: int
    css: int
    images: list[tuple[MediaFile, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + sum(size for _media, size in self.images)

    def heaviest_image(self) -> tuple[MediaFile, int] | None:
        return max(self.images, key=lambda item: item[1], default=None)


def estimate(body_html: str, media: list[MediaFile]) -> Weight:
    """The weight of a page showing *body_html* whose images are *media* (in order)."""
    html = len(gzip.compress(body_html.encode())) + PAGE_CHROME_BYTES
    images = [(m, phone_image(m).size) for m in media if m.kind == MediaFile.Kind.IMAGE]
    return Weight(html=html, css=stylesheet_bytes(), images=images)
