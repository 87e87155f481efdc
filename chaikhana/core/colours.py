"""Colours as ``#rrggbb``: contrast-checked, mixed, given a readable ink — for a blog owner's
accent (blogs/themes.py), the network's icons and the title cards.

Pure arithmetic (WCAG 2.2 §1.4.3 contrast, relative luminance from sRGB); no storage.
"""

from __future__ import annotations

import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.2 §1.4.3: 4.5:1 for normal text (the accent colours links and labels).
MIN_CONTRAST = 4.5
WHITE, BLACK = "#ffffff", "#000000"


def is_hex(value: str) -> bool:
    return bool(HEX.match(value))


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as a triple of 0..255, for Pillow."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return r, g, b


def _channels(colour: str) -> tuple[float, float, float]:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return r, g, b


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.2, definition of "relative luminance")."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """*colour* moved *share* (0..1) of the way towards *other*."""
    mixed = (
        round((c + (o - c) * share) * 255)
        for c, o in zip(_channels(colour), _channels(other), strict=True)
    )
    return "#" + "".join(f"{c:02x}" for c in mixed)


def readable_on(background: str, colour: str) -> str:
    """*colour*, lightened or darkened in small steps until text in it reads on *background*."""
    towards = WHITE if luminance(background) < 0.5 else BLACK
    for step in range(21):
        candidate = mix(colour, towards, step / 20)
        if contrast(candidate, background) >= MIN_CONTRAST:
            return candidate
    return towards


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on a fill of *colour*."""
    return WHITE if contrast(WHITE, colour) >= contrast(BLACK, colour) else BLACK
