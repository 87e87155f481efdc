"""manage.py mirror_keygen: a new Ed25519 key for signing mirrors (minisign-compatible)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chaikhana.mirrors import signing


class Command(BaseCommand):
    help = "Print a new mirror signing key: the secret for MIRROR_SIGNING_KEY, then the public key."

    def handle(self, *args: Any, **options: Any) -> None:
        secret, key = signing.generate()
        self.stdout.write("# Keep secret: put this line in the environment of the app and worker.")
        self.stdout.write(f"MIRROR_SIGNING_KEY={secret}")
        self.stdout.write("# Publish: the minisign public key (also at /mirrors/minisign.pub).")
        self.stdout.write(key.public_key().to_file().rstrip("\n"))
