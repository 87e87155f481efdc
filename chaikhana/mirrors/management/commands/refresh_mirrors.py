"""manage.py refresh_mirrors: bring every mirror the network writes up to date (hourly)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from chaikhana.mirrors import refresh
from chaikhana.mirrors.models import Mirror


class Command(BaseCommand):
    help = "Refresh every mirror with a target (incremental; run by the periodic timer)."

    def handle(self, *args: Any, **options: Any) -> None:
        for mirror in Mirror.objects.built_here():
            done = refresh.refresh(mirror, live=settings.SITE_URL)
            self.stdout.write(f"{mirror.url}: {'ok' if done else 'FAILED, see /network/mirrors/'}")
