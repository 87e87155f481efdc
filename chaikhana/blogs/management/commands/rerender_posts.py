"""manage.py rerender_posts [--blog NAME]: stored post HTML re-rendered under today's rules."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.blogs.actions.posts import rerender_posts
from chaikhana.blogs.models import Blog


class Command(BaseCommand):
    help = (
        "Re-render every post's HTML through the current sanitiser and renderer (after the "
        "rules changed). Not an edit: no new version, no revision, nothing announced as published."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--blog", help="only this blog (its address name)")

    def handle(self, *args: Any, **options: Any) -> None:
        blog = None
        if options["blog"]:
            blog = Blog.objects.filter(name=options["blog"]).first()
            if blog is None:
                raise CommandError(f"No blog “{options['blog']}”.")
        done = rerender_posts(blog=blog)
        where = f"@{blog.name}" if blog is not None else "every blog"
        self.stdout.write(
            f"{where}: {done.checked} posts checked, {done.changed} re-rendered, "
            f"{done.checked - done.changed} already current"
        )
