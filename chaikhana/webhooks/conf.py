"""Webhooks' tunables with typed defaults (override in settings as WEBHOOKS_<NAME>)."""

from django.conf import settings


def _get(name: str, default: int) -> int:
    return int(getattr(settings, f"WEBHOOKS_{name}", default))


def attempts() -> int:
    """How often a delivery is tried before it is recorded as failed."""
    return _get("ATTEMPTS", 6)


def retry_base_seconds() -> int:
    """Back-off: the n-th retry waits base × 4**(n-1) seconds (30 s, 2 min, 8 min, 32 min…)."""
    return _get("RETRY_BASE_SECONDS", 30)


def timeout_seconds() -> float:
    return float(getattr(settings, "WEBHOOKS_TIMEOUT_SECONDS", 10))


MAX_ENDPOINTS = 10  # per blog, and for the network
LOG_ROWS = 50  # deliveries shown in the log
