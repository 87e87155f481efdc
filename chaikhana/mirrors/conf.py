"""The mirrors' tunables: typed, read from settings at call time, defaults here."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

# What a mirror's root holds besides the pages (docs/mirrors.md).
MANIFEST = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.minisig"
PUBLIC_KEY = "minisign.pub"
STATE = ".mirror-state.json"
CURRENT = "current"


def signing_key() -> str:
    """MIRROR_SIGNING_KEY: the secret made by ``manage.py mirror_keygen`` (empty: unsigned)."""
    return str(settings.MIRROR_SIGNING_KEY)


def staging_root() -> Path:
    """Where mirrors bound for a bucket are built before they are uploaded."""
    return Path(settings.MIRRORS_ROOT)
