"""``manage.py restore DIR``: bring a backup back into an empty installation."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor

from chaikhana.core.db_stats import refresh_statistics
from chaikhana.network.backup.errors import BackupError
from chaikhana.network.backup.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup DIR` into an EMPTY installation (no database yet, "
        "or migrated with no users or blogs) of the same database vendor. Every checksum is "
        "verified before anything is written. Stop the web server and workers first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", metavar="DIR", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            manifest = restore_backup(
                source=options["directory"], connection=connection, storage=default_storage
            )
        except BackupError as error:
            raise CommandError(f"Restore refused: {error}") from error
        finally:
            connections.close_all()  # nothing may keep a view of the database as it was
        refresh_statistics()  # restored rows, and the planner has not seen them (core/db_stats)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest.created_at} ({len(manifest.media())} media "
                f"files) in {time.monotonic() - started:.1f} s."
            )
        )
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write("This code has newer migrations: run `manage.py migrate` next.")
