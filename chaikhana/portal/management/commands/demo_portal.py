"""``manage.py demo_portal``: the demo network's portal (sections, staff, stories, a callout)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.portal.demo import create_demo_portal, demo_network_present
from chaikhana.portal.models import Section, Submission


class Command(BaseCommand):
    help = (
        "Add a portal to the demo network: four sections, 'demo' as editor-in-chief with a "
        "section editor and a fact-checker, stories taken through the desk's workflow (a "
        "lead, featured ones, a correction), submissions waiting in the queue and a callout."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the portal has sections or submissions already",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not demo_network_present():
            self.stdout.write("no demo network (blog 'demo' of user 'demo'), portal demo skipped")
            return
        if Section.objects.exists() or Submission.objects.exists():
            if options["if_empty"]:
                self.stdout.write("portal not empty, demo portal not loaded")
                return
            raise CommandError("The portal already has sections or submissions.")
        made = create_demo_portal(seed=options["seed"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo portal loaded: {made.sections} sections, {made.published} stories "
                f"published, {made.queued} submissions on the desk."
            )
        )
