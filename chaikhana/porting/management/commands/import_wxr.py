"""manage.py import_wxr FILE --blog NAME [--owner USER]: a WordPress export into one blog."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.accounts.models import User, username_key
from chaikhana.core.errors import ActionError
from chaikhana.porting.wxr.importer import Options, import_wxr_new_blog
from chaikhana.porting.wxr.parser import WxrError
from chaikhana.porting.wxr.people import Matcher, match_anyone
from chaikhana.porting.wxr.report import Report


def progress_bar(stream: Any) -> Any:
    """``done / total`` rewritten in place with \\r, only when *stream* is a terminal."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        stream.flush()
        if done >= total:
            stream.write("\n")

    return show


def print_report(write: Any, report: Report) -> None:
    write(
        f"blog @{report.blog}: {report.imported} imported, {report.changed} changed, "
        f"{report.unchanged} unchanged, {len(report.skipped)} skipped (of {report.total})"
    )
    write(
        f"comments {report.comments}, pingbacks/trackbacks {report.linkbacks}, "
        f"categories {report.categories} new, tags {report.tags} new"
    )
    write(
        f"attachments {report.attachments}: {report.attachments_fetched} fetched, "
        f"{len(report.attachments_linked)} left as links; "
        f"password-protected posts made private: {report.password_protected}; "
        f"menu items ignored: {report.menu_items_ignored}"
    )
    for login, (username, items) in sorted(report.merged.items()):
        write(f"merged: author “{login}” → existing account “{username}”, {items} items")
    if report.bylines:
        write(f"authors kept as bylines (no account): {', '.join(report.bylines)}")
    for skipped in report.skipped:
        write(f"  skipped #{skipped.wp_id} “{skipped.title}”: {skipped.reason}")
    if report.unsupported_shortcodes:
        codes = ", ".join(f"[{k}]×{v}" for k, v in report.unsupported_shortcodes.most_common())
        write(f"shortcodes left as text: {codes}")
    for note in dict.fromkeys(report.notes):
        write(f"note: {note}")


def find_owner(username: str | None) -> User | None:
    if not username:
        return None
    user = User.objects.filter(username_key=username_key(username)).first()
    if user is None:
        raise CommandError(f"No user “{username}”.")
    return user


MERGE_HELP = (
    "credit authors to existing accounts with the same login or email, and print whom "
    "(otherwise only --owner is recognised; everyone else is a byline with no account)"
)


def matcher(*, merge: bool) -> Matcher | None:
    """Who in the file may be an existing account (None: the importing owner alone)."""
    return match_anyone if merge else None


class Command(BaseCommand):
    help = "Import a WordPress export (WXR) into a blog, creating the blog when absent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--blog", required=True, help="the blog's address (name)")
        parser.add_argument("--owner", help="username owning a new blog and importing into it")
        parser.add_argument(
            "--no-media", action="store_true", help="leave attachments as links, fetch nothing"
        )
        parser.add_argument("--merge-people", action="store_true", help=MERGE_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        owner = find_owner(options["owner"])
        opts = Options(
            match=matcher(merge=options["merge_people"]),
            fetch_media=not options["no_media"],
            progress=progress_bar(sys.stdout),
        )
        try:
            report = import_wxr_new_blog(
                source=options["file"], blog_name=options["blog"], owner=owner, options=opts
            )
        except (WxrError, ActionError) as error:
            raise CommandError(f"{options['file']}: {error}") from error
        print_report(self.stdout.write, report)
