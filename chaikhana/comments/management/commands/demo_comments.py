"""``manage.py demo_comments``: threaded comments on the demo network's newest posts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.comments.demo import create_demo_comments, demo_network_present
from chaikhana.comments.models import Comment


class Command(BaseCommand):
    help = (
        "Add approved, threaded comments in Russian, Kyrgyz and English to the demo network's "
        "newest posts, and one comment waiting in the demo blog's moderation queue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when there are comments already"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not demo_network_present():
            self.stdout.write("no demo network (blog 'demo' of user 'demo'), comments skipped")
            return
        if Comment.objects.exists():
            if options["if_empty"]:
                self.stdout.write("comments exist, demo comments not loaded")
                return
            raise CommandError("There are comments already; the demo adds them only once.")
        made = create_demo_comments(seed=options["seed"])
        self.stdout.write(self.style.SUCCESS(f"Demo comments loaded: {made}."))
