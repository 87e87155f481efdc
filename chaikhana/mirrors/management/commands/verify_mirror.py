"""manage.py verify_mirror PATH_OR_URL [--public-key FILE]: is this copy the one we signed?"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext_lazy as _

from chaikhana.mirrors import conf, signing, verify

# An HTTP server cannot be asked for its list of files (docs/mirrors.md, section 2).
HTTP_LIMIT = _(
    "Limit: over HTTP a copy cannot be listed, so files added beside the signed ones are not "
    "found (check a copy on disk for that). Every signed page was checked, so none of them "
    "leads a reader to such a file."
)


class Command(BaseCommand):
    help = "Check a mirror against its signed manifest; name every changed, added or removed file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("location", help="a directory or an http(s) address")
        parser.add_argument("--public-key", help="a minisign public key file (default: ours)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["public_key"]:
                public = signing.load_public(Path(options["public_key"]).read_text())
            else:
                public = signing.load_secret(conf.signing_key()).public_key()
            where = options["location"]
            over_http = where.startswith(("http://", "https://"))
            if over_http:
                result = verify.verify_url(where, public)
            else:
                result = verify.verify_directory(Path(where), public)
        except (OSError, signing.SigningError, verify.VerifyError) as exc:
            raise CommandError(str(exc)) from exc
        if result.differences:
            for line in result.differences.lines():
                self.stderr.write(line)
            raise CommandError(f"The copy differs from the signed manifest ({result.comment}).")
        self.stdout.write(f"OK: {result.files} files match the signed manifest ({result.comment}).")
        if over_http:
            self.stdout.write(str(HTTP_LIMIT))
