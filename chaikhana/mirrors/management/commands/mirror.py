"""manage.py mirror TARGET [--blog NAME] [--portal] [--full] [--live-url URL] [--public-url URL]."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from chaikhana.mirrors import publish
from chaikhana.mirrors.build import MirrorError
from chaikhana.mirrors.render import RenderError
from chaikhana.mirrors.scope import Scope
from chaikhana.mirrors.signing import SigningError


class Command(BaseCommand):
    help = "Write a signed static mirror of the public network (docs/mirrors.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", help="a directory, or s3://bucket/prefix")
        parser.add_argument("--blog", help="only this blog")
        parser.add_argument("--portal", action="store_true", help="only the portal")
        parser.add_argument("--full", action="store_true", help="render every page again")
        parser.add_argument(
            "--public-url",
            default="",
            help="where readers open this copy: its feeds' links then lead into it",
        )
        parser.add_argument(
            "--live-url", default="", help="the live site comments link to (default SITE_URL)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scope = Scope.build(blog=options["blog"], portal=options["portal"])
        if scope.blog and scope.blog not in scope.listed:
            raise CommandError(f"No listed blog is named {scope.blog!r}.")
        live = options["live_url"] or settings.SITE_URL
        with translation.override(settings.LANGUAGE_CODE):
            try:
                report = publish.publish(
                    options["target"],
                    scope=scope,
                    live=live,
                    full=options["full"],
                    public=options["public_url"],
                )
            except (MirrorError, RenderError, SigningError, publish.PublishError) as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{report.files} files, {report.bytes} bytes; rendered {report.rendered}, "
            f"wrote {report.written}, removed {report.removed} in {report.seconds:.1f} s"
        )
        self.stdout.write(str(Path(report.generation)))
