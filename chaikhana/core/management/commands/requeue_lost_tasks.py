"""manage.py requeue_lost_tasks: requeue tasks whose worker died (deploy/worker runs it)."""

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chaikhana.core.lost_tasks import requeue_lost_tasks


class Command(BaseCommand):
    help = "Requeue tasks left RUNNING by a worker that was killed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", required=True, help="This host's name (hostname).")
        parser.add_argument(
            "--older-than",
            type=int,
            default=3600,
            help="Also requeue tasks running longer than this many seconds (any host).",
        )

    def handle(self, *args: Any, host: str, older_than: int, **options: Any) -> None:
        lost = requeue_lost_tasks(host=host, older_than=timedelta(seconds=older_than))
        if lost:
            self.stdout.write(f"Requeued {len(lost)} task(s) left running by a dead worker.")
