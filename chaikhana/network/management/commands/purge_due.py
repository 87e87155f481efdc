"""`manage.py purge_due`: purge deletions past their grace period (cron's safety net)."""

from typing import Any

from django.core.management.base import BaseCommand

from chaikhana.network.actions.purge import purge_due_deletions


class Command(BaseCommand):
    help = "Delete for good the users and blogs whose 30-day grace period is over."

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_due_deletions()
        self.stdout.write(f"purged {count}")
