"""Template tags for post pages: endpoint <link>s in the head, the mentions section.

blogs' templates load this library by name; blogs' Python never imports linkbacks.
"""

from __future__ import annotations

from typing import Any

from django import template

from chaikhana.blogs.models import Post
from chaikhana.linkbacks.advertise import endpoint_urls
from chaikhana.linkbacks.models import Mention

register = template.Library()


@register.inclusion_tag("linkbacks/_endpoints.html", takes_context=True)
def linkback_endpoints(context: dict[str, Any]) -> dict[str, Any]:
    """<link rel="webmention"> and <link rel="pingback"> (Webmention §3.1.2, Pingback 1.0)."""
    request = context.get("request")
    if request is None:
        return {}
    webmention, xmlrpc = endpoint_urls(request)
    return {"webmention": webmention, "pingback": xmlrpc}


@register.inclusion_tag("linkbacks/_mentions.html", takes_context=True)
def linkback_mentions(context: dict[str, Any], post: Post) -> dict[str, Any]:
    """Verified mentions of *post*: replies and mentions in full, likes and reposts by name."""
    verified = list(Mention.objects.for_post(post).verified())
    compact = {Mention.Type.LIKE, Mention.Type.REPOST}
    return {
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "responses": [m for m in verified if m.type not in compact],
        "likes": [m for m in verified if m.type == Mention.Type.LIKE],
        "reposts": [m for m in verified if m.type == Mention.Type.REPOST],
    }
