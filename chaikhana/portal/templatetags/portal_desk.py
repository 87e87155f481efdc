"""Filters for the desk's board: a card's age in newsroom shorthand ("3 h"), a section's hue."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.translation import pgettext

register = template.Library()

# Sections take one of this many accent colours on the board (desk.css: .hue-0 … .hue-5).
HUES = 6


@register.filter
def age(since: datetime | None, now: datetime) -> str:
    """How long ago *since* was, as short as a wall clock: "5 min", "3 h", "2 d"."""
    if since is None:
        return ""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    if minutes < 60:
        return pgettext("age", "%(n)d min") % {"n": minutes}
    if minutes < 48 * 60:
        return pgettext("age", "%(n)d h") % {"n": minutes // 60}
    return pgettext("age", "%(n)d d") % {"n": minutes // (24 * 60)}


@register.filter
def hue(section_id: int | None) -> int:
    """A stable accent for a section, so its cards are told apart at a glance."""
    return (section_id or 0) % HUES
