"""manage.py verify_mirror PATH_OR_URL [--public-key FILE]: is this copy the one we signed?"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chaikhana.mirrors import conf, signing, verify


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
            if where.startswith(("http://", "https://")):
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
