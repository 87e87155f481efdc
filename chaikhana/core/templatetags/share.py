"""``{% share_meta share %}``: a page's preview and discovery tags (see core/sharing.py), and
the network's theme colour."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from chaikhana.core import network_settings
from chaikhana.core.sharing import Share, json_ld
from chaikhana.core.urls import absolute_url

register = template.Library()


@register.inclusion_tag("core/_share.html")
def share_meta(share: Share) -> dict[str, Any]:
    ld: SafeString | str = json_ld(share) if share.schema else ""
    image_url = absolute_url(share.image.url) if share.image else ""
    return {"share": share, "ld": ld, "image_url": image_url}


@register.inclusion_tag("core/_share.html", takes_context=True)
def share_page(context: template.Context, title: str, description: str = "") -> dict[str, Any]:
    """A network page that is not an article (front page, section, course, directory)."""
    request = context["request"]
    share = Share(
        title=str(title),
        url=request.path,
        site_name=str(context.get("NETWORK_NAME", "")),
        description=str(description),
    )
    return share_meta(share)


@register.simple_tag
def theme_color() -> str:
    return network_settings.current().color
