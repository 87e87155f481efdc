"""Preview images for shared links: a post's own picture, or a title card drawn for it.

Telegram, WhatsApp and Facebook show ``og:image`` large, and read JPEG and PNG (not AVIF):
a post with one of our images offers its 1200-wide JPEG/PNG rendition (conf.SHARE_WIDTH);
a post without one offers a title card — its title and its blog's name (the network's name
for a portal story: nothing there leads to the writer's blog) on the network's theme colour,
1200 × 630 — drawn by the first request for it (``views.title_card``) and kept in storage
under a name that changes with the title, so it is drawn once per title and cached for good.
Registered with core.sharing in MediaConfig.ready() (blogs never imports media).
"""

from __future__ import annotations

import hashlib
import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, ImageDraw

from chaikhana.blogs.models import Post
from chaikhana.core import network_settings
from chaikhana.core.colours import rgb, text_on
from chaikhana.core.fonts import Font, bold_font
from chaikhana.core.sharing import ShareImage
from chaikhana.media.conf import SHARE_WIDTH
from chaikhana.media.models import MediaFile
from chaikhana.media.render import media_for_urls

CARD_WIDTH, CARD_HEIGHT = 1200, 630
MARGIN = 80
CARD_VERSION = "1"  # bump when the drawing changes: every card gets a new address
TITLE_SIZES = (76, 66, 58, 50, 44)
MAX_LINES = 5


def _rendition_for_sharing(media: MediaFile) -> ShareImage | None:
    """The 1200-wide JPEG/PNG, else the widest such copy, else the original."""
    if media.kind != MediaFile.Kind.IMAGE or not media.width or not media.height:
        return None
    plain = [r for r in media.renditions.all() if r.format in ("jpeg", "png")]
    exact = [r for r in plain if r.width == SHARE_WIDTH]
    chosen = exact[0] if exact else max(plain, key=lambda r: r.width, default=None)
    if chosen is not None and chosen.width >= min(media.width, SHARE_WIDTH):
        return ShareImage(chosen.file.url, chosen.width, chosen.height, media.alt)
    return ShareImage(media.url, media.width, media.height, media.alt)


def brand_of(post: Post) -> str:
    """The name a card shows: the blog's, or the network's for a portal story."""
    return network_settings.network_name() if post.blog.is_editorial else post.blog.title


def card_digest(post: Post) -> str:
    seed = "|".join([CARD_VERSION, post.title, brand_of(post), network_settings.current().color])
    return hashlib.sha256(seed.encode()).hexdigest()[:12]


def card_url(post: Post) -> str:
    # On the network's host even from a blog's own (subdomain mode): previews fetch it there.
    kwargs = {"post": post.pk, "digest": card_digest(post)}
    return reverse("title_card", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)


def share_image(post: Post) -> ShareImage | None:
    """What a shared link to *post* shows (core.sharing's finder; one lookup, two queries)."""
    if post.cover_image:
        found = media_for_urls([post.cover_image]).get(post.cover_image)
        if found is not None and (image := _rendition_for_sharing(found)) is not None:
            return image
    return ShareImage(card_url(post), CARD_WIDTH, CARD_HEIGHT)


def _wrap(text: str, font: Font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fit_title(title: str, width: int) -> tuple[Font, list[str]]:
    """The largest size at which *title* fits in MAX_LINES lines; cut with "…" if none."""
    for size in TITLE_SIZES:
        font = bold_font(size)
        lines = _wrap(title, font, width)
        if len(lines) <= MAX_LINES and all(font.getlength(line) <= width for line in lines):
            return font, lines
    lines = lines[:MAX_LINES]
    lines[-1] = lines[-1][: max(1, len(lines[-1]) - 2)] + "…"
    return font, lines


def draw_card(title: str, brand: str, color: str) -> bytes:
    """A 1200 × 630 PNG: *brand* above a rule, *title* large below it."""
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), rgb(color))
    draw = ImageDraw.Draw(image)
    ink = rgb(text_on(color))
    width = CARD_WIDTH - 2 * MARGIN
    draw.text((MARGIN, MARGIN), brand[:60], font=bold_font(36), fill=ink)
    draw.rectangle((MARGIN, MARGIN + 62, MARGIN + 120, MARGIN + 68), fill=ink)
    font, lines = _fit_title(title.strip() or "…", width)
    line_height = round(font.size * 1.22) if hasattr(font, "size") else 60
    top = MARGIN + 110
    for index, line in enumerate(lines):
        draw.text((MARGIN, top + index * line_height), line, font=font, fill=ink)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def stored_card(post: Post, digest: str) -> bytes:
    """The card's PNG from storage, drawn and stored first if this is its first request."""
    name = f"cards/{post.pk}-{digest}.png"
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return bytes(stored.read())
    data = draw_card(post.title, brand_of(post), network_settings.current().color)
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # another request stored it meanwhile: keep one copy
        default_storage.delete(saved)
    return data
