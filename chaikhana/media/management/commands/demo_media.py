"""``manage.py demo_media``: the demo's photos as library files with renditions (media/demo.py)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.media.demo import load_demo_media, posts_with_demo_images


class Command(BaseCommand):
    help = (
        "Upload the demo's pictures (MEDIA_ROOT/demo/) into the photo blog's library, make "
        "their renditions, and point the photo posts at them, so pages serve <picture>."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="do nothing when no post links the demo's files directly",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if next(posts_with_demo_images(), None) is None:
            if options["if_needed"]:
                self.stdout.write("no post links the demo's files, nothing to do")
                return
            raise CommandError(
                "No post links the demo's files (run `manage.py demo` first, or this was "
                "done already). Use --if-needed to skip quietly."
            )
        result = load_demo_media()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo photos in the library: {result.files} files uploaded, "
                f"{result.renditions} renditions made, {result.posts} posts rewritten."
            )
        )
