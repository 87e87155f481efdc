"""manage.py build_pack zim|epub|today|stale [--blog NAME] [--portal] [--month YYYY-MM]
[--section SLUG]."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from chaikhana.blogs.models import Blog
from chaikhana.mirrors import signing
from chaikhana.mirrors.build import MirrorError
from chaikhana.mirrors.packs import make
from chaikhana.mirrors.render import RenderError
from chaikhana.mirrors.signing import SigningError
from chaikhana.portal.models import Section


class Command(BaseCommand):
    help = "Build a signed offline pack into MIRRORS_ROOT/packs (offered on /mirrors/)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["zim", "epub", "today", "stale"])
        parser.add_argument("--blog", help="one blog (zim, epub)")
        parser.add_argument("--portal", action="store_true", help="the portal alone (zim)")
        parser.add_argument("--month", help="YYYY-MM: one month of the blog (epub)")
        parser.add_argument("--section", help="one portal section's stories (epub)")

    def handle(self, *args: Any, **options: Any) -> None:
        kind, blog = options["kind"], options["blog"]
        section = options["section"]
        if kind == "epub" and not (blog or section):
            raise CommandError("An EPUB needs --blog NAME or --section SLUG.")
        if section and not Section.objects.filter(slug=section).exists():
            raise CommandError(f"No portal section is named {section!r}.")
        if blog and not Blog.objects.listed().filter(name=blog).exists():
            raise CommandError(f"No listed blog is named {blog!r}.")
        with translation.override(None):
            try:
                # Guard first: a pack is signed last, after a build of up to a minute.
                signing.load_secret(settings.MIRROR_SIGNING_KEY)
                if kind == "zim":
                    built = [make.build_zim(blog=blog, portal=options["portal"])]
                elif kind == "epub" and section:
                    built = [make.build_section_epub(section=section)]
                elif kind == "epub":
                    built = [make.build_blog_epub(blog=blog, month=options["month"])]
                elif kind == "today":
                    built = [make.build_today()]
                else:
                    built = make.refresh_stale()
            except (MirrorError, RenderError, SigningError, ValueError) as exc:
                raise CommandError(str(exc)) from exc
        for path in built:
            self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
