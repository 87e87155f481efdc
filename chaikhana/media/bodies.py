"""The media library's body transform: our images as ``<picture>``, removed ones as a note.

Registered with core.bodies in MediaConfig.ready() (blogs never imports media). Every
``<img>`` of the HTML is looked up at once (``media_for_urls``: one lookup per page). For a
reader saving data the image stays an ``<img>`` pointing at the file a phone would load,
with its size in ``data-bytes``, for the images-as-links transform that runs after this one.
"""

from __future__ import annotations

import html as htmllib
import re
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext as _

from chaikhana.media.models import MediaFile
from chaikhana.media.render import DEFAULT_SIZES, media_for_urls, name_from_url, picture_html
from chaikhana.media.weight import phone_image

# nh3 double-quotes every attribute, so a quoted value holds no '"' (see core/lightweight.py).
IMG = re.compile(r'<img\b(?:[^>"]|"[^"]*")*>', re.IGNORECASE)
ATTR = re.compile(r'([a-zA-Z][\w-]*)="([^"]*)"')
GALLERY = re.compile(r'<ul class="gallery">.*?</ul>', re.DOTALL)
# Two columns on a phone, three from 700 px (core CSS, .gallery).
GALLERY_SIZES = "(max-width: 700px) 50vw, 240px"


def attributes(tag: str) -> dict[str, str]:
    return {name.lower(): htmllib.unescape(value) for name, value in ATTR.findall(tag)}


def is_removed(src: str, found: dict[str, MediaFile]) -> bool:
    """An address in our blogs' uploads that no longer names a file: it was deleted."""
    name = name_from_url(src)
    return src not in found and name is not None and name.startswith("blogs/")


def removed_placeholder(alt: str) -> str:
    # A span, not a figure: Markdown images sit inside <p>, where a figure is invalid.
    label = _("Image removed") + (f": {alt}" if alt else "")
    return str(format_html('<span class="media-removed" role="note">[{}]</span>', label))


def _as_link_source(media: MediaFile, alt: str) -> str:
    chosen = phone_image(media)
    return str(format_html('<img src="{}" alt="{}" data-bytes="{}">', chosen.url, alt, chosen.size))


def _upgrade(tag: str, found: dict[str, MediaFile], *, lazy: bool, sizes: str, links: bool) -> str:
    attrs = attributes(tag)
    src, alt = attrs.get("src", ""), attrs.get("alt", "")
    media = found.get(src)
    if media is None:
        return removed_placeholder(alt) if is_removed(src, found) else tag
    if media.kind != MediaFile.Kind.IMAGE:
        return tag
    alt = alt or media.alt
    if links:
        return _as_link_source(media, alt)
    lazy = lazy or attrs.get("loading") == "lazy"
    return str(picture_html(media, alt=alt, sizes=attrs.get("sizes") or sizes, lazy=lazy))


def _in_gallery(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def picture_transform(html: str, *, request: HttpRequest | None, post: Any) -> str:
    """Our images as responsive ``<picture>``s (lazy after the first in a post)."""
    tags = list(IMG.finditer(html))
    if not tags:
        return html
    found = media_for_urls(attributes(m.group(0)).get("src", "") for m in tags)
    galleries = [m.span() for m in GALLERY.finditer(html)]
    links = bool(getattr(request, "images_as_links", False))
    out, last = [], 0
    for index, match in enumerate(tags):
        out.append(html[last : match.start()])
        last = match.end()
        gallery = _in_gallery(match.start(), galleries)
        sizes = GALLERY_SIZES if gallery else DEFAULT_SIZES
        lazy = post is not None and index > 0
        out.append(_upgrade(match.group(0), found, lazy=lazy, sizes=sizes, links=links))
    out.append(html[last:])
    return "".join(out)
