"""Porting's tunables."""

from __future__ import annotations

# "Download all my data": an account whose uploads total at most this many bytes and that
# wrote at most EXPORT_SYNC_MAX_POSTS posts gets its zip built while she waits (a few seconds:
# the zip mostly copies files); a larger one is built by a background task into private
# storage, so no request holds a worker for minutes.
EXPORT_SYNC_MAX_BYTES = 50 * 1024 * 1024
EXPORT_SYNC_MAX_POSTS = 2000
# A prepared zip can be downloaded for this many days; asking again replaces it.
EXPORT_KEEP_DAYS = 7
