"""Checking a copy of a mirror against the signed manifest, on disk or over HTTP.

The public key is ours (MIRROR_SIGNING_KEY's, or a file given), never the one inside the
copy: whoever changed the files could have changed that key too. Over HTTP a copy cannot be
listed, so files added beside the signed ones are found only on disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from chaikhana.core import safehttp
from chaikhana.mirrors import conf, manifest, signing

MAX_FILE_BYTES = 50 * 1024 * 1024


class VerifyError(Exception):
    """The copy cannot be checked at all (no manifest, a bad signature): the message says why."""


@dataclass
class Result:
    comment: str
    files: int
    differences: manifest.Differences


def verify_directory(root: Path, public: signing.PublicKey) -> Result:
    if (root / conf.CURRENT).is_dir():
        root = root / conf.CURRENT  # the mirror's root rather than a generation
    expected, comment = _signed(lambda name: (root / name).read_bytes(), public)
    found: dict[str, str | None] = dict(manifest.files_of(root))
    return Result(comment, len(expected), manifest.compare(expected, found))


def verify_url(base: str, public: signing.PublicKey) -> Result:
    base = base.rstrip("/") + "/"

    def read(name: str) -> bytes:
        response = safehttp.fetch(base + name, max_bytes=MAX_FILE_BYTES)
        if response.status != 200:
            raise FileNotFoundError(name)
        return response.body

    expected, comment = _signed(read, public)
    found: dict[str, str | None] = {}
    for name in expected:
        try:
            found[name] = hashlib.sha256(read(name)).hexdigest()
        except (FileNotFoundError, safehttp.SafeHTTPError):
            found[name] = None
    return Result(comment, len(expected), manifest.compare(expected, found))


def _signed(read: Callable[[str], bytes], public: signing.PublicKey) -> tuple[dict[str, str], str]:
    try:
        data, signature = read(conf.MANIFEST), read(conf.SIGNATURE).decode("utf-8", "replace")
    except (OSError, safehttp.SafeHTTPError) as exc:
        raise VerifyError(_("No signed manifest here (%(error)s).") % {"error": exc}) from exc
    try:
        comment = signing.verify(public, data, signature)
        return manifest.parse(data), comment
    except (signing.SigningError, manifest.ManifestError) as exc:
        raise VerifyError(str(exc)) from exc
