"""The JSON API's tunables, with typed defaults; override them in settings."""

from __future__ import annotations

from django.conf import settings

# Read at call time, not import time, so override_settings in tests takes effect.


def page_size() -> int:
    """Items per page of a list when the caller does not ask for fewer."""
    return int(getattr(settings, "API_PAGE_SIZE", 20))


def max_page_size() -> int:
    return int(getattr(settings, "API_MAX_PAGE_SIZE", 100))


def max_body_bytes() -> int:
    """The largest JSON body accepted; refused from its Content-Length, before it is read.

    2 MB: a post's longest text (300,000 characters) fits even as \\u-escaped Cyrillic."""
    return int(getattr(settings, "API_MAX_BODY_BYTES", 2 * 1024 * 1024))


def max_upload_bytes() -> int:
    """The largest media upload: media's own cap plus room for the multipart framing."""
    return int(getattr(settings, "MEDIA_MAX_UPLOAD_MB", 20)) * 1024 * 1024 + 64 * 1024


def requests_per_minute(*, signed_in: bool) -> int:
    """Calls per minute per token (signed in) or per address hash (anonymous)."""
    if signed_in:
        return int(getattr(settings, "API_TOKEN_REQUESTS_PER_MINUTE", 600))
    return int(getattr(settings, "API_ANONYMOUS_REQUESTS_PER_MINUTE", 300))
