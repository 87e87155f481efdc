"""``{% editor_media blog post %}``: the editor's upload (file + description) and image picker."""

from __future__ import annotations

from typing import Any

from django import template

from chaikhana.blogs.models import Blog
from chaikhana.media.forms import ACCEPT
from chaikhana.media.models import MediaFile
from chaikhana.writing.media import ALT, FILE, markdown_for

register = template.Library()
PICKER_ITEMS = 12


def _thumb(media: MediaFile) -> str:
    smallest = min(media.renditions.all(), key=lambda r: (r.width, r.size), default=None)
    return smallest.file.url if smallest is not None else media.url


@register.inclusion_tag("writing/_editor_media.html")
def editor_media(blog: Blog, post: Any = None) -> dict[str, Any]:
    recent = MediaFile.objects.for_blog(blog).images().for_listing()[:PICKER_ITEMS]
    items = [
        {"media": m, "thumb": _thumb(m), "markdown": markdown_for(m.url, m.alt)} for m in recent
    ]
    return {
        "blog": blog,
        "post": post,
        "items": items,
        "accept": ACCEPT,
        "file_name": FILE,
        "alt_name": ALT,
    }
