"""IndieAuth's tunables with typed defaults (override in settings as INDIEAUTH_<NAME>)."""

from django.conf import settings


def _get(name: str, default: int) -> int:
    return int(getattr(settings, f"INDIEAUTH_{name}", default))


def code_seconds() -> int:
    """How long an authorization code may wait to be exchanged (the spec: at most 10 min)."""
    return _get("CODE_SECONDS", 600)


def token_days() -> int:
    """How long an access token lives; the writer may revoke it sooner on her profile."""
    return _get("TOKEN_DAYS", 180)


def refresh_days() -> int:
    """How long a refresh token lives: an app may renew its access token until then without
    asking the writer again, and each renewal starts the time again."""
    return _get("REFRESH_DAYS", 365)


def client_fetch_seconds() -> float:
    """The deadline for fetching an app's client_id page for its name and redirect URIs."""
    return float(getattr(settings, "INDIEAUTH_CLIENT_FETCH_SECONDS", 5))


MAX_PER_USER = 100  # grants a person may hold at once
