"""``{% picture media %}``: picture_html for templates."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from chaikhana.media.models import MediaFile
from chaikhana.media.render import DEFAULT_SIZES, picture_html

register = template.Library()


@register.simple_tag
def picture(
    media: MediaFile, sizes: str = DEFAULT_SIZES, lazy: bool = False, alt: str | None = None
) -> SafeString:
    return picture_html(media, alt=alt, sizes=sizes, lazy=lazy)
