"""manage.py export_wxr --blog NAME FILE: a blog as a WordPress export (WXR 1.2)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.blogs.models import Blog
from chaikhana.porting.export.wxr import write_wxr


class Command(BaseCommand):
    help = "Write a blog as a WordPress eXtended RSS (WXR 1.2) file that WordPress can import."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="where to write the export ('-' for standard output)")
        parser.add_argument("--blog", required=True, help="the blog's address (name)")

    def handle(self, *args: Any, **options: Any) -> None:
        blog = Blog.objects.filter(name=options["blog"]).first()
        if blog is None:
            raise CommandError(f"No blog “{options['blog']}”.")
        if options["file"] == "-":
            write_wxr(blog=blog, out=sys.stdout)
            return
        try:
            with open(options["file"], "w", encoding="utf-8") as out:
                count = write_wxr(blog=blog, out=out)
        except OSError as error:
            raise CommandError(f"{options['file']}: {error.strerror}") from error
        written = f"{count} posts and pages written to {options['file']}"
        self.stdout.write(f"blog @{blog.name}: {written}")
