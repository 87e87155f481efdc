"""What one check found: a verdict it asks for, a code for moderators and a message."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

SEVERITY = {"approve": 0, "hold": 1, "spam": 2}


@dataclass(frozen=True)
class Signal:
    """One finding: *verdict* is "hold" or "spam"; *code* is stable, *message* translated."""

    verdict: str
    code: str
    message: str | Promise


def strictest(verdicts: list[str]) -> str:
    return max(verdicts, key=SEVERITY.__getitem__, default="approve")
