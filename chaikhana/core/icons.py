"""The network's icons and web app manifest, drawn from its settings (name, theme colour, icon).

Staff may upload an icon (network's settings page); until they do, the icon is the first
letter of the network's name on its theme colour. Either is drawn at each size with Pillow
when first asked for and kept in the cache. The manifest names
the PNGs with a version (a digest of what they are drawn from), so those are cached for a
year; ``/favicon.ico`` and ``/apple-touch-icon.png``, which browsers ask for by those names
alone, for a day.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging

from django.core.cache import cache
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from chaikhana.core import network_settings
from chaikhana.core.colours import rgb, text_on
from chaikhana.core.fonts import bold_font

logger = logging.getLogger(__name__)
APP_ICON_SIZES = (192, 512)
APPLE_TOUCH_SIZE = 180
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]


def version() -> str:
    """Changes whenever the icon would look different."""
    current = network_settings.current()
    seed = f"1|{current.network_name}|{current.color}|{current.icon}"
    return hashlib.sha256(seed.encode()).hexdigest()[:10]


def _uploaded_icon(name: str, size: int, color: str) -> Image.Image | None:
    """Staff's icon (a square PNG network's action stored), on the theme colour if it has
    transparent parts; None when the file is gone or unreadable."""
    try:
        with default_storage.open(name, "rb") as stored, Image.open(stored, formats=["PNG"]) as png:
            picture = png.convert("RGBA").resize((size, size), Image.Resampling.LANCZOS)
    except (OSError, ValueError):
        logger.warning("The network's icon %s cannot be read; drawing the letter instead", name)
        return None
    image = Image.new("RGB", (size, size), rgb(color))
    image.paste(picture, mask=picture)
    return image


def draw_icon(size: int) -> Image.Image:
    """Staff's icon, or the first letter of the network's name centred on its theme colour.

    The letter keeps inside the middle 60 %, the safe zone of a "maskable" icon that a
    phone crops to a circle or a rounded square.
    """
    current = network_settings.current()
    color = current.color
    if current.icon and (uploaded := _uploaded_icon(current.icon, size, color)) is not None:
        return uploaded
    image = Image.new("RGB", (size, size), rgb(color))
    letter = (current.network_name.strip()[:1] or "·").upper()
    draw = ImageDraw.Draw(image)
    draw.text(
        (size / 2, size / 2), letter, font=bold_font(round(size * 0.5)), fill=rgb(text_on(color)),
        anchor="mm",
    )  # fmt: skip
    return image


def _encoded(kind: str, size: int) -> bytes:
    key = f"core:icon:{version()}:{kind}:{size}"
    with contextlib.suppress(Exception):  # a cache that is down costs a drawing, not the icon
        if (found := cache.get(key)) is not None:
            return bytes(found)
    out = io.BytesIO()
    if kind == "ico":
        draw_icon(48).save(out, format="ICO", sizes=FAVICON_SIZES)
    else:
        draw_icon(size).save(out, format="PNG", optimize=True)
    data = out.getvalue()
    with contextlib.suppress(Exception):
        cache.set(key, data, 7 * 24 * 3600)
    return data


def png(size: int) -> bytes:
    return _encoded("png", size)


def favicon() -> bytes:
    return _encoded("ico", 48)


def manifest() -> dict[str, object]:
    """The web app manifest (W3C Web Application Manifest), for "Add to home screen"."""
    current = network_settings.current()
    name = current.network_name
    v = version()
    icons: list[dict[str, str]] = [
        {"src": f"/icons/{size}.png?v={v}", "sizes": f"{size}x{size}", "type": "image/png"}
        for size in APP_ICON_SIZES
    ]
    if not current.icon:  # the drawn letter keeps to a maskable icon's safe zone
        icons.append({**icons[-1], "purpose": "maskable"})
    return {
        "name": name,
        "short_name": name if len(name) <= 12 else name[:12].rstrip(),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": current.color,
        "background_color": "#fdfcf9",  # the pages' own background (chaikhana.css)
        "icons": icons,
    }
