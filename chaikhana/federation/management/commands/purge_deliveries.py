"""`manage.py purge_deliveries`: forget finished fediverse deliveries (chaikhana-periodic)."""

from typing import Any

from django.core.management.base import BaseCommand

from chaikhana.federation.actions.housekeeping import purge_old_deliveries


class Command(BaseCommand):
    help = "Delete fediverse deliveries finished more than FEDERATION_DELIVERY_LOG_DAYS ago."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"purged {purge_old_deliveries()}")
