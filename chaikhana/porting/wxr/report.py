"""What an import did, item by item where it matters: shown in the terminal and dashboard."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Skipped:
    wp_id: int | None
    title: str
    reason: str


@dataclass
class Report:
    blog: str = ""
    total: int = 0
    imported: int = 0  # new posts and pages
    changed: int = 0  # existing ones updated by this run
    unchanged: int = 0  # existing ones this run found identical
    skipped: list[Skipped] = field(default_factory=list)
    comments: int = 0
    linkbacks: int = 0
    categories: int = 0
    tags: int = 0
    bylines: list[str] = field(default_factory=list)  # authors who are nobody here: names only
    merged: dict[str, tuple[str, int]] = field(default_factory=dict)  # login → (account, items)
    items_by_author: Counter[str] = field(default_factory=Counter)  # lower-cased login → items
    attachments: int = 0
    attachments_fetched: int = 0
    attachments_linked: list[str] = field(default_factory=list)  # left as links: why
    menu_items_ignored: int = 0
    password_protected: int = 0
    unsupported_shortcodes: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def skip(self, wp_id: int | None, title: str, reason: str) -> None:
        self.skipped.append(Skipped(wp_id, title[:200], reason))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["unsupported_shortcodes"] = dict(self.unsupported_shortcodes.most_common())
        data["items_by_author"] = dict(self.items_by_author)  # asdict() garbles a Counter
        return data
