"""manage.py import_wxr_network DIR: one WXR per site (a Multisite export) → one blog each.

The blog's name is the file's name (``osh-news.xml`` → ``osh-news``) sanitised for our
addresses. Authors other than --owner become bylines with no account, unless the
administrator passes --merge-people: then they are merged with existing accounts by login and
email, and each merge is printed (login → account, items).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.core.errors import ActionError
from chaikhana.core.translit import slugify
from chaikhana.porting.management.commands.import_wxr import (
    MERGE_HELP,
    find_owner,
    matcher,
    print_report,
    progress_bar,
)
from chaikhana.porting.wxr.importer import Options, import_wxr_new_blog
from chaikhana.porting.wxr.parser import WxrError


def blog_name_for(path: Path) -> str:
    """``Osh News.2024-06-10.xml`` → ``osh-news``: WordPress's export date suffix dropped."""
    stem = re.sub(r"\.wordpress\.\d{4}-\d{2}-\d{2}$|\.\d{4}-\d{2}-\d{2}$", "", path.stem)
    return slugify(stem, max_length=40).strip("-") or "imported"


class Command(BaseCommand):
    help = "Import every WXR file in DIR into a blog of its own (named after the file)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory")
        parser.add_argument(
            "--owner", help="username owning new blogs (default: each first author)"
        )
        parser.add_argument("--no-media", action="store_true")
        parser.add_argument("--merge-people", action="store_true", help=MERGE_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        files = sorted(Path(options["directory"]).glob("*.xml"))
        if not files:
            raise CommandError(f"{options['directory']}: no .xml files.")
        owner, failed = find_owner(options["owner"]), 0
        for path in files:
            opts = Options(
                match=matcher(merge=options["merge_people"]),
                fetch_media=not options["no_media"],
                progress=progress_bar(sys.stdout),
            )
            try:
                report = import_wxr_new_blog(
                    source=str(path), blog_name=blog_name_for(path), owner=owner, options=opts
                )
            except (WxrError, ActionError) as error:
                self.stderr.write(f"{path.name}: {error}")
                failed += 1
                continue
            print_report(self.stdout.write, report)
        if failed:
            raise CommandError(f"{failed} of {len(files)} files were not imported.")
