"""The comments app's tunables, with typed defaults; override them in settings."""

from __future__ import annotations

from django.conf import settings

# Read at call time, not import time, so override_settings in tests takes effect.


def max_depth() -> int:
    """How deep a thread may nest: a reply below this attaches to the deepest allowed level."""
    return int(getattr(settings, "COMMENTS_MAX_DEPTH", 4))


def max_chars() -> int:
    """The longest comment accepted; longer text gets a message, not a silent cut."""
    return int(getattr(settings, "COMMENTS_MAX_CHARS", 10_000))


def edit_minutes() -> int:
    """How long a commenter may edit or delete her own comment."""
    return int(getattr(settings, "COMMENTS_EDIT_MINUTES", 10))
