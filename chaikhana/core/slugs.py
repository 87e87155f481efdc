"""One way to find a free slug: the wanted one, else the wanted one with -2, -3, … appended.

Posts, categories, tags, imported items and the portal's call-outs all number their
slugs the same way, so a reader can guess none of them differently.
"""

from __future__ import annotations

from collections.abc import Collection, Container
from typing import Any

from django.db.models import QuerySet

# Room kept for "-NNNNNN" when a base slug is cut to fit its field.
_SUFFIX_ROOM = 8


def next_free_slug(base: str, taken: Container[str], *, max_length: int = 100) -> str:
    """*base* unless *taken* holds it, else the first free ``base-N`` that fits *max_length*."""
    slug, n = base[:max_length], 2
    while slug in taken:
        suffix = f"-{n}"
        slug, n = base[: max_length - len(suffix)].rstrip("-") + suffix, n + 1
    return slug


def unique_slug(
    queryset: QuerySet[Any],
    base: str,
    *,
    field: str = "slug",
    max_length: int = 100,
    reserved: Collection[str] = (),
) -> str:
    """A slug no row of *queryset* has, in one query: *base*, else ``base-2``, ``base-3`` …"""
    prefix = base[: max_length - _SUFFIX_ROOM]
    existing = queryset.filter(**{f"{field}__startswith": prefix}).values_list(field, flat=True)
    return next_free_slug(base, set(existing) | set(reserved), max_length=max_length)
