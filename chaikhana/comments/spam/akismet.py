"""An optional second opinion from Akismet, off unless AKISMET_API_KEY is set.

Off by default on purpose: Akismet's API requires the commenter's address, name, email and
text, and sends them to a company abroad — a choice for each network's operator to make.
Requests go through core.safehttp, the one outbound HTTP client; any failure abstains.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.http import HttpRequest

from chaikhana.comments.spam import conf
from chaikhana.core import safehttp
from chaikhana.core.addresses import client_address

log = logging.getLogger(__name__)


def _form(request: HttpRequest, text: str, author_name: str, email: str) -> dict[str, str]:
    return {
        "api_key": conf.akismet_api_key(),
        "blog": request.build_absolute_uri("/"),
        "user_ip": client_address(request),  # required by Akismet, never stored
        "user_agent": request.META.get("HTTP_USER_AGENT", ""),
        "referrer": request.META.get("HTTP_REFERER", ""),
        "comment_type": "comment",
        "comment_author": author_name,
        "comment_author_email": email,
        "comment_content": text,
    }


def is_spam(*, text: str, author_name: str, email: str, request: HttpRequest | None) -> bool | None:
    """Akismet's verdict: True (spam), False (ham) or None (off, no request, or no answer)."""
    if not conf.akismet_api_key() or request is None:
        return None
    try:
        response = safehttp.fetch(
            conf.akismet_endpoint(),
            method="POST",
            data=urlencode(_form(request, text, author_name, email)).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "User-Agent": f"{safehttp.user_agent()} | Akismet/1.1",
            },
        )
    except safehttp.SafeHTTPError:  # no answer: our own filter still decides
        log.warning("Akismet did not answer; deciding without it")
        return None
    # Akismet answers "true" or "false"; anything else (an invalid key) is no verdict.
    return {"true": True, "false": False}.get(response.text.strip())
