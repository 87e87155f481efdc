"""manage.py import_lj --blog NAME [--owner USER] ENTRIES.xml [COMMENTS.xml …]."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.core.errors import ActionError
from chaikhana.porting.livejournal.importer import SITES, import_lj_new_blog
from chaikhana.porting.livejournal.parser import LjError
from chaikhana.porting.livejournal.report import LjReport
from chaikhana.porting.management.commands.import_wxr import find_owner, progress_bar


def print_report(write: Any, report: LjReport) -> None:
    write(
        f"blog @{report.blog}: {report.imported} imported, {report.changed} changed, "
        f"{report.unchanged} unchanged (of {report.entries} entries)"
    )
    security = ", ".join(f"{k} {v}" for k, v in sorted(report.security.items())) or "none"
    write(f"security: {security}; cuts {report.cuts}; embeds left as links {report.embeds}")
    write(
        f"comments {report.comments} new, {report.comments_known} already here, "
        f"{report.comments_orphaned} made top-level (parent missing)"
    )
    for skipped in report.skipped:
        write(f"  skipped {skipped.key}: {skipped.reason}")


class Command(BaseCommand):
    help = "Import a LiveJournal or Dreamwidth XML export into a blog, creating it when absent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("entries", help="the entries export (XML)")
        parser.add_argument(
            "comments", nargs="*", help="comment exports (comment_meta, comment_body)"
        )
        parser.add_argument("--blog", required=True, help="the blog's address (name)")
        parser.add_argument(
            "--owner", help="username writing the entries (default: the blog's owner)"
        )
        parser.add_argument(
            "--site",
            choices=sorted(SITES),
            default="livejournal",
            help="where <lj user> links lead",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        owner = find_owner(options["owner"])
        try:
            report = import_lj_new_blog(
                entries=options["entries"],
                comments=options["comments"],
                blog_name=options["blog"],
                owner=owner,
                site=SITES[options["site"]],
                progress=progress_bar(sys.stdout),
            )
        except LjError as error:
            raise CommandError(f"{error}") from error
        except ActionError as error:
            raise CommandError(str(error)) from error
        print_report(self.stdout.write, report)
