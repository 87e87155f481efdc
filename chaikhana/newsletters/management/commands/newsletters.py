"""Cron, every few minutes: open due digests, send what waits (within the budget), purge.

``--until-empty`` keeps sending batch after batch until nothing waits or the hour's budget
is spent: the sender after a crash, and the one bench/newsletter kills and restarts.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chaikhana.newsletters import actions


class Command(BaseCommand):
    help = "Open due digests, send waiting newsletter messages, delete expired addresses."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--until-empty", action="store_true")
        parser.add_argument("--batch", type=int, default=None)

    def handle(
        self, *args: Any, until_empty: bool = False, batch: int | None = None, **options: Any
    ) -> None:
        digests = len(actions.open_digests())
        sent = last = actions.send_pending(limit=batch)
        while until_empty and last and actions.has_pending():
            last = actions.send_pending(limit=batch)
            sent += last
        purged = actions.purge_subscriptions()
        self.stdout.write(f"digests opened: {digests}, sent: {sent}, addresses deleted: {purged}")
