"""DKIM signatures (dkimpy) on the messages we send, when the administrator set a key.

Settings (chaikhana/env.py): DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_PATH. Without a
key nothing is signed (a provider such as Postmark or SES signs for us instead).
"""

from __future__ import annotations

from email.message import Message
from functools import cache
from pathlib import Path

import dkim
from django.conf import settings

SIGNED_HEADERS = [
    b"from",
    b"to",
    b"subject",
    b"date",
    b"message-id",
    b"list-id",
    b"list-unsubscribe",
    b"list-unsubscribe-post",
    b"mime-version",
    b"content-type",
]


@cache
def _key(path: str) -> bytes:
    return Path(path).read_bytes()


def configured() -> bool:
    return bool(getattr(settings, "DKIM_PRIVATE_KEY_PATH", "") and settings.DKIM_DOMAIN)


def sign(message: Message) -> None:
    """Add a DKIM-Signature header to *message* (relaxed/relaxed, rsa-sha256)."""
    if not configured():
        return
    raw = message.as_bytes(linesep="\r\n")  # type: ignore[call-arg]  # Django's SafeMIME takes it
    header = dkim.sign(
        raw,
        selector=settings.DKIM_SELECTOR.encode(),
        domain=settings.DKIM_DOMAIN.encode(),
        privkey=_key(settings.DKIM_PRIVATE_KEY_PATH),
        canonicalize=(b"relaxed", b"relaxed"),
        include_headers=SIGNED_HEADERS,
    )
    name, _colon, value = header.decode().partition(":")
    message._headers.insert(0, (name, value.strip().replace("\r\n", "")))  # type: ignore[attr-defined]
