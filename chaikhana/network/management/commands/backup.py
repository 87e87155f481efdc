"""``manage.py backup DIR``: a consistent backup of the database and media while the site runs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from chaikhana.network.backup.create import create_backup
from chaikhana.network.backup.errors import BackupError


class Command(BaseCommand):
    help = (
        "Back up the database and every media file into DIR (new or empty), with a "
        "manifest.json of SHA-256 checksums written last. Safe while the site is serving."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", metavar="DIR", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            manifest = create_backup(
                target=options["directory"], connection=connection, storage=default_storage
            )
        except BackupError as error:
            raise CommandError(f"Backup failed: {error}") from error
        total = sum(entry.size for entry in manifest.files)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest.vendor} database and {len(manifest.media())} media "
                f"files ({total / 1e6:.1f} MB) to {options['directory']} in "
                f"{time.monotonic() - started:.1f} s."
            )
        )
