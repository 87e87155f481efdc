"""manage.py export_user USER FILE: everything of one person as one zip (JSON + files)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.porting.export.user import build_user_zip
from chaikhana.porting.management.commands.import_wxr import find_owner


class Command(BaseCommand):
    help = "Write a person's profile, blogs, posts, comments and media as one zip file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("user", help="the username")
        parser.add_argument("file", help="the zip file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        user = find_owner(options["user"])
        assert user is not None  # a username is required by the parser
        try:
            with open(options["file"], "wb") as out:
                counts = build_user_zip(user=user, out=out)
        except OSError as error:
            raise CommandError(f"{options['file']}: {error.strerror}") from error
        summary = ", ".join(f"{k} {v}" for k, v in counts.items())
        self.stdout.write(f"{user.get_username()}: {summary} written to {options['file']}")
