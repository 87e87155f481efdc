"""Linkbacks' tunables with typed defaults (override in settings as LINKBACKS_<NAME>)."""

from django.conf import settings


def _get(name: str, default: int) -> int:
    return int(getattr(settings, f"LINKBACKS_{name}", default))


def rate_per_hour() -> int:
    """Pingbacks + webmentions accepted per source host per hour."""
    return _get("RATE_PER_HOUR", 30)


def send_attempts() -> int:
    """How often a failed notification is tried before it is recorded as failed."""
    return _get("SEND_ATTEMPTS", 4)


def retry_base_seconds() -> int:
    """Backoff: the n-th retry waits base × 4**(n-1) seconds (1 min, 4 min, 16 min)."""
    return _get("RETRY_BASE_SECONDS", 60)


EXCERPT_CHARS = 300
TITLE_CHARS = 200
