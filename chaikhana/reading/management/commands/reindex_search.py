"""``manage.py reindex_search``: rebuild the full-text index from the published posts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chaikhana.reading.search.actions import index_is_empty, reindex_all


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every published post. Posts loaded without the "
        "application's actions (the demo network, a restored backup) are searchable after it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the index has nothing in it (make run, after loading the demo)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and not index_is_empty():
            self.stdout.write("search index not empty, left as it is")
            return
        indexed = reindex_all()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {indexed} posts."))
