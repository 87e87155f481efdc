"""What a LiveJournal import did: shown in the terminal and on the dashboard."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Skipped:
    key: str  # "entry 456" or "comment 102"
    reason: str


@dataclass
class LjReport:
    blog: str = ""
    entries: int = 0  # entries in the files
    imported: int = 0
    changed: int = 0
    unchanged: int = 0
    comments: int = 0  # comments written by this run
    comments_known: int = 0  # already imported by an earlier run
    comments_orphaned: int = 0  # replies to a comment missing from the files: made top-level
    security: Counter[str] = field(default_factory=Counter)  # LJ security → how many entries
    cuts: int = 0
    embeds: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def skip(self, key: str, reason: str) -> None:
        self.skipped.append(Skipped(key, reason))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["security"] = dict(self.security)
        return data
