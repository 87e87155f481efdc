"""``manage.py app_password USER [--name LABEL]``: a new application password, alone on
its last line (a stable interface: scripts read that line)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.accounts.models import User, username_key
from chaikhana.core.errors import ActionError


class Command(BaseCommand):
    help = "Create an application password for the XML-RPC and Micropub APIs and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("user", help="the username")
        parser.add_argument("--name", default="manage.py", help="a label for the password")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username_key=username_key(options["user"])).first()
        if user is None:
            raise CommandError(f"No user named {options['user']!r}.")
        try:
            row, password = create_app_password(user=user, name=options["name"])
        except ActionError as error:
            raise CommandError(str(error.message)) from error
        self.stderr.write(f"Application password {row.name!r} for {user.username}:")
        self.stdout.write(password)
