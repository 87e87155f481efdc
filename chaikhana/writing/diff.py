"""A line-by-line diff between two texts, for people: what was removed, what was added."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class DiffLine:
    op: str  # "same", "del" or "ins"
    text: str


def line_diff(old: str, new: str) -> list[DiffLine]:
    """The lines of *old* and *new* in order, each marked kept, removed or added."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines.extend(DiffLine("same", text) for text in old_lines[i1:i2])
            continue
        lines.extend(DiffLine("del", text) for text in old_lines[i1:i2])
        lines.extend(DiffLine("ins", text) for text in new_lines[j1:j2])
    return lines


def has_changes(lines: list[DiffLine]) -> bool:
    return any(line.op != "same" for line in lines)
