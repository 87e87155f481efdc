"""``manage.py check_media [--fix]``: files no row points to, rows whose file is gone."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.network.actions.storage import repair_storage
from chaikhana.network.storage_check import check_storage
from chaikhana.network.tasks import repair_storage_task


class Command(BaseCommand):
    help = (
        "List stored files no row points to (older than an hour) and rows whose file is "
        "missing. --fix removes those files and remakes missing renditions; --background "
        "leaves that to the task worker. Exits with status 1 while problems remain."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="repair what can be repaired")
        parser.add_argument("--background", action="store_true", help="repair in a task")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["background"]:
            repair_storage_task.enqueue()
            self.stdout.write("Queued the repair for the task worker.")
            return
        report = check_storage()
        for alias, names in report.orphans.items():
            for name in names:
                self.stdout.write(f"orphan file ({alias} storage): {name}")
        for missing in report.missing:
            self.stdout.write(f"missing file of {missing.kind} {missing.pk}: {missing.name}")
        if options["fix"] and not report.clean:
            removed, remade = repair_storage(report=report)
            self.stdout.write(f"Removed {removed} orphan files; {remade} renditions to remake.")
            report = check_storage()
        if not report.clean:
            raise CommandError("Storage and database are out of step (see above).")
        self.stdout.write(self.style.SUCCESS("Every file has its row and every row its file."))
