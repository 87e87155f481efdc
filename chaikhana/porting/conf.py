"""Porting's tunables, typed, read from settings (and so from the environment)."""

from __future__ import annotations

from django.conf import settings

# A prepared data zip can be downloaded for this many days; asking again replaces it.
EXPORT_KEEP_DAYS = 7


def export_sync_max_bytes() -> int:
    """ "Download all my data": an account whose uploads total at most this many bytes, and
    that wrote at most export_sync_max_posts() posts, gets its zip built while she waits (a
    few seconds: the zip mostly copies files); a larger one is built by a background task
    into private storage, so no request holds a worker for minutes."""
    return int(settings.PORTING_EXPORT_SYNC_MAX_MB) * 1024 * 1024


def export_sync_max_posts() -> int:
    return int(settings.PORTING_EXPORT_SYNC_MAX_POSTS)
