"""Transforms applied to a post's stored HTML as a page shows it, registered by other apps.

Bodies are sanitised once, at save time. What a page adds on top depends on things blogs
may not import (the media library's renditions) or on the request (Save-Data): apps
register a function here in their ``AppConfig.ready()`` and blogs' templates apply them all
with ``{{ post|body:request }}`` (core's ``bodies`` template library). Lower *order* runs
first: upgrades (``<picture>``) before degradations (images as links).
"""

from __future__ import annotations

from typing import Any, Protocol

from django.http import HttpRequest


class BodyTransform(Protocol):
    def __call__(self, html: str, *, request: HttpRequest | None, post: Any) -> str: ...


_transforms: list[tuple[int, str, BodyTransform]] = []


def register_body_transform(fn: BodyTransform, *, order: int = 50) -> BodyTransform:
    """Add *fn* (once: registering the same function again replaces it)."""
    key = f"{fn.__module__}.{getattr(fn, '__qualname__', repr(fn))}"
    _transforms[:] = [t for t in _transforms if t[1] != key]
    _transforms.append((order, key, fn))
    _transforms.sort(key=lambda t: t[0])
    return fn


def apply_body_transforms(html: str, *, request: HttpRequest | None, post: Any = None) -> str:
    """*html* (sanitised) through every registered transform, lowest order first.

    *post* is None for fragments that are not one post's body (a list's cover images).
    """
    for _order, _key, fn in _transforms:
        html = fn(html, request=request, post=post)
    return html
