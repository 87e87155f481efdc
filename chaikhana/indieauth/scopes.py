"""The scopes a token may carry (Micropub §3.2 and the IndieAuth spec's examples).

A client may ask for others; they are not shown and not granted (OAuth 2.0 §3.3 lets the
server grant fewer than asked). A token reaches one blog, whatever its scopes.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SCOPES: dict[str, Promise] = {
    # IndieAuth §5.3.4: the blog's name, address and icon (never yours; no email is given).
    "profile": _("see the blog’s name, address and icon"),
    "create": _("write new posts (as drafts or published, as your role allows)"),
    # The Micropub extension: posts it writes stay drafts until you publish them.
    "draft": _("write new posts as drafts only"),
    "update": _("change posts"),
    "delete": _("delete posts"),
    "media": _("upload photos and files to the blog’s media library"),
}


def parse(text: str) -> list[str]:
    """The known scopes in a space-separated *text*, in our order, each once."""
    asked = set(text.split())
    return [name for name in SCOPES if name in asked]
