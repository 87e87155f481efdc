"""Pages for readers who pay per byte: images as links (Save-Data, light mode), mode links.

``{{ post.body_html|images_as_links:request.images_as_links }}`` turns each ``<img>`` of the
(already sanitised) body into a link that says how big the image is, when we know.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()

# The sanitiser (nh3/html5ever) double-quotes every attribute, so a quoted value may hold a
# ">" but never a '"'. Links are tracked so that an image inside a link becomes text, not a
# link inside a link (invalid HTML).
_TOKEN = re.compile(r'<img\b(?:[^>"]|"[^"]*")*>|<a\b(?:[^>"]|"[^"]*")*>|</a\s*>', re.IGNORECASE)
_ATTR = re.compile(r'\b(src|alt|data-bytes)="([^"]*)"', re.IGNORECASE)
SIZE_TTL = 24 * 60 * 60


def media_size(src: str) -> int | None:
    """The size in bytes of one of our uploads, from storage (remembered a day); else None."""
    if not src.startswith(settings.MEDIA_URL) or ".." in src:
        return None
    name = unquote(src[len(settings.MEDIA_URL) :].split("?")[0])
    key = f"media-size:{name}"
    size = cache.get(key)
    if size is None:
        try:
            size = default_storage.size(name)
        except Exception:  # missing file, bad name, storage down: the link says less
            return None
        cache.set(key, size, SIZE_TTL)
    return int(size)


def _label(alt: str, size: int | None) -> str:
    if alt and size is not None:
        return _("Show image: %(alt)s, %(size)s") % {"alt": alt, "size": filesizeformat(size)}
    if size is not None:
        return _("Show image, %(size)s") % {"size": filesizeformat(size)}
    if alt:
        return _("Show image: %(alt)s") % {"alt": alt}
    return _("Show image")


@register.simple_tag
def image_link(src: str, alt: str = "", size: int | None = None) -> SafeString:
    """A link to an image instead of the image (*size* in bytes, when the caller knows it)."""
    size = media_size(src) if size is None else size
    return format_html('<a class="img-link" href="{}">{}</a>', src, _label(alt, size))


def _replace_img(tag: str, in_link: bool) -> str:
    attrs = {name.lower(): html.unescape(value) for name, value in _ATTR.findall(tag)}
    src, alt = attrs.get("src", ""), attrs.get("alt", "")
    if in_link or not src:
        return str(format_html('<span class="img-link">[{}]</span>', alt or _("image")))
    # media's body transform says which file a phone would load, and its size.
    size = attrs.get("data-bytes", "")
    return str(image_link(src, alt, int(size) if size.isdigit() else None))


@register.filter
def images_as_links(body: str, enabled: bool = True) -> SafeString:
    """*body* (sanitised HTML) with every image a link when *enabled*; else unchanged."""
    if not enabled:
        return mark_safe(body)
    depth, out, last = 0, [], 0
    for match in _TOKEN.finditer(body):
        token = match.group(0)
        out.append(body[last : match.start()])
        last = match.end()
        lower = token[:4].lower()
        if lower.startswith("<img"):
            token = _replace_img(token, depth > 0)
        elif lower.startswith("</a"):
            depth = max(depth - 1, 0)
        else:
            depth += 1
        out.append(token)
    out.append(body[last:])
    return mark_safe("".join(out))


def images_as_links_transform(html: str, *, request: HttpRequest | None, post: object) -> str:
    """core.bodies transform: images as links for readers saving data (light mode, Save-Data)."""
    return str(images_as_links(html, bool(getattr(request, "images_as_links", False))))


@register.simple_tag
def mode_url(request: HttpRequest, mode: str) -> str:
    """This page's address with ``?format=light`` or ``?format=full`` (other parameters kept)."""
    params = [(k, v) for k, v in request.GET.items() if k != "format"]
    return "?" + urlencode([*params, ("format", mode)])
