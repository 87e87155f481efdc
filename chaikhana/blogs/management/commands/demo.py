"""``manage.py demo``: fill an empty database with a believable network of blogs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.blogs.demo.loader import REVISIONS_UP_TO, load_demo, network_is_empty
from chaikhana.blogs.demo.tenants import DEMO_PASSWORD
from chaikhana.core.db_stats import refresh_statistics


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database with a demo network: user 'demo' (password "
        f"'{DEMO_PASSWORD}') owning /@demo/, other pseudonymous writers, blogs in Russian, "
        "Kyrgyz and English, a photo blog /@kamera/. Every user's password is the same. "
        f"Posts get one revision each, except above {REVISIONS_UP_TO:,} posts, where revisions "
        "are skipped to keep large loads fast."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--blogs", type=int, default=20, help="blogs in all (default 20)")
        parser.add_argument("--posts", type=int, default=300, help="posts in all (default 300)")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same network")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="on a database that already has blogs, say so and exit successfully",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        blogs, posts = options["blogs"], options["posts"]
        if blogs < 1 or posts < 0:
            raise CommandError("--blogs must be at least 1 and --posts at least 0.")
        if not network_is_empty():
            if options["if_empty"]:
                self.stdout.write("database not empty, demo not loaded")
                return
            raise CommandError(
                "The database already has blogs; the demo only fills an empty one. "
                "Use --if-empty to skip quietly, or start from a fresh database."
            )
        result = load_demo(blogs=blogs, posts=posts, seed=options["seed"], report=self.stdout.write)
        refresh_statistics()  # a bulk load: the planner should know the tables' sizes (core)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network loaded: {result.users} users, {result.blogs} blogs, "
                f"{result.posts} posts ({result.distinct_bodies} distinct bodies) "
                f"in {result.seconds:.1f} s. Log in as demo / {DEMO_PASSWORD}."
            )
        )
