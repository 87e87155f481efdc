"""``manage.py demo_staff``: the demo network's administrator, `admin` / `demo-password`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.accounts.models import User
from chaikhana.blogs.demo.tenants import DEMO_PASSWORD
from chaikhana.blogs.models import Blog

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        f"Create the demo network's administrator '{USERNAME}' (password '{DEMO_PASSWORD}', "
        "staff and superuser). Only on a database holding the demo network: the password is "
        "published. /network/ asks her to set up an authenticator app on her first visit."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-needed", action="store_true", help=f"do nothing when '{USERNAME}' exists"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not Blog.objects.filter(name="demo", memberships__user__username="demo").exists():
            self.stdout.write("no demo network (blog 'demo' of user 'demo'), admin not created")
            return
        if User.objects.filter(username=USERNAME).exists():
            if options["if_needed"]:
                self.stdout.write(f"user '{USERNAME}' exists, left as she is")
                return
            raise CommandError(f"A user '{USERNAME}' exists already.")
        # The network's one superuser: staff pages, and the "last superuser" guard has meaning.
        User.objects.create_superuser(
            username=USERNAME, password=DEMO_PASSWORD, display_name="Network admin"
        )
        self.stdout.write(
            self.style.SUCCESS(f"Demo administrator created: {USERNAME} / {DEMO_PASSWORD}.")
        )
