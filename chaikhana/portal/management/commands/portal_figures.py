"""`manage.py portal_figures`: move today's story view counters to the database and find
links to stories in the network's posts (run from cron every few minutes)."""

from typing import Any

from django.core.management.base import BaseCommand

from chaikhana.portal.figures.tasks import update_figures


class Command(BaseCommand):
    help = "Flush story view counters and collect links to portal stories."

    def handle(self, *args: Any, **options: Any) -> None:
        views, links = update_figures()
        self.stdout.write(f"views moved: {views}, new links: {links}")
