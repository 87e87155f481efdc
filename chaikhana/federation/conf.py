"""Federation's tunables with typed defaults (override in settings as FEDERATION_<NAME>)."""

from django.conf import settings


def _get(name: str, default: int) -> int:
    return int(getattr(settings, f"FEDERATION_{name}", default))


def max_inbox_bytes() -> int:
    """The largest activity an inbox reads; Mastodon's own limit is about 1 MB."""
    return _get("MAX_INBOX_BYTES", 256 * 1024)


def date_window_seconds() -> int:
    """How far a signed request's Date may be from our clock (Mastodon: 12 hours; we: 1 h)."""
    return _get("DATE_WINDOW_SECONDS", 60 * 60)


def inbox_rate_per_minute() -> int:
    """Activities accepted from one remote server per minute before 429."""
    return _get("INBOX_RATE_PER_MINUTE", 300)


def key_cache_seconds() -> int:
    """How long a remote actor's public key is trusted before it is fetched again."""
    return _get("KEY_CACHE_SECONDS", 24 * 60 * 60)


def update_delay_seconds() -> int:
    """Edits within this many seconds of each other go out as one Update (debounce)."""
    return _get("UPDATE_DELAY_SECONDS", 60)


def delivery_attempts() -> int:
    """Tries per inbox before a delivery is given up: 60 s × 4**(n-1) reaches ~3 days at 8."""
    return _get("DELIVERY_ATTEMPTS", 8)


def retry_base_seconds() -> int:
    return _get("RETRY_BASE_SECONDS", 60)


def dead_after_days() -> int:
    """A server that has answered nothing but failures for this long is skipped as dead."""
    return _get("DEAD_AFTER_DAYS", 7)


def site_enabled() -> bool:
    """The network's switch for the whole installation (FEDERATION_ENABLED)."""
    return bool(getattr(settings, "FEDERATION_ENABLED", True))


def authorized_fetch() -> bool:
    """FEDERATION_AUTHORIZED_FETCH: posts and collections only for signed GETs (Mastodon's
    "secure mode"), so a blocked server cannot read them either. Actors and WebFinger stay
    open: a server needs our keys to verify what we send."""
    return bool(getattr(settings, "FEDERATION_AUTHORIZED_FETCH", False))


def delivery_log_days() -> int:
    """Finished deliveries (delivered, or given up after the last try) are kept this long."""
    return _get("DELIVERY_LOG_DAYS", 30)
