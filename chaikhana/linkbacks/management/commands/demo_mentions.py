"""``manage.py demo_mentions``: verified mentions of demo posts from example.org pages."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.linkbacks.demo import create_demo_mentions, demo_network_present
from chaikhana.linkbacks.models import Mention


class Command(BaseCommand):
    help = (
        "Add verified webmentions and a pingback from example.org to the demo blog's newest "
        "post and to the portal's newest story (run after demo_portal)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when there are mentions already"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not demo_network_present():
            self.stdout.write("no demo network (blog 'demo' of user 'demo'), mentions skipped")
            return
        if Mention.objects.exists():
            if options["if_empty"]:
                self.stdout.write("mentions exist, demo mentions not loaded")
                return
            raise CommandError("There are mentions already; the demo adds them only once.")
        made = create_demo_mentions()
        self.stdout.write(self.style.SUCCESS(f"Demo mentions loaded: {made} verified."))
