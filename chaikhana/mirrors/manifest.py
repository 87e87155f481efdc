"""The manifest of a mirror: ``sha256sum``'s format, one line per file, signed beside it.

``sha256sum -c SHA256SUMS`` checks a copy with no other tool; ``minisign -Vm SHA256SUMS``
checks that the list itself is ours. The manifest, its signature and the public key are
not listed (they cannot hash themselves).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from chaikhana.mirrors import conf

NOT_LISTED = frozenset({conf.MANIFEST, conf.SIGNATURE, conf.PUBLIC_KEY})


class ManifestError(Exception):
    """The manifest cannot be read: the message says where."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def files_of(root: Path) -> dict[str, str]:
    """Every file under *root* that a manifest lists, with its SHA-256."""
    found = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_file() and name not in NOT_LISTED:
            found[name] = sha256_file(path)
    return found


def render(hashes: dict[str, str]) -> bytes:
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items())).encode()


def parse(data: bytes) -> dict[str, str]:
    hashes: dict[str, str] = {}
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not name or ".." in name.split("/"):
            raise ManifestError(_("Line %(n)d of the manifest is malformed.") % {"n": number})
        hashes[name] = digest
    return hashes


@dataclass
class Differences:
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)

    def lines(self) -> list[str]:
        return [
            *(_("changed: %(name)s") % {"name": name} for name in self.changed),
            *(_("added: %(name)s") % {"name": name} for name in self.added),
            *(_("removed: %(name)s") % {"name": name} for name in self.removed),
        ]


def compare(expected: dict[str, str], found: dict[str, str | None]) -> Differences:
    """What differs between the signed list and a copy (None: the copy lacks the file)."""
    diff = Differences()
    for name, digest in sorted(expected.items()):
        have = found.get(name)
        if have is None:
            diff.removed.append(name)
        elif have != digest:
            diff.changed.append(name)
    diff.added = sorted(name for name in found if name not in expected)
    return diff
