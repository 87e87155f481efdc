"""Offline packs offered on /mirrors/: the files found in MIRRORS_ROOT/packs, with size and date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from chaikhana.mirrors import conf, signing

SUFFIXES = (".zim", ".epub", ".html")


@dataclass(frozen=True)
class Pack:
    name: str
    size: int
    built_at: datetime
    signed: bool


def folder() -> Path:
    return conf.staging_root() / "packs"


def available() -> list[Pack]:
    found = []
    root = folder()
    if not root.is_dir():
        return []
    for path in sorted(root.iterdir()):
        if path.suffix in SUFFIXES and path.is_file():
            stat = path.stat()
            found.append(
                Pack(
                    name=path.name,
                    size=stat.st_size,
                    built_at=datetime.fromtimestamp(stat.st_mtime, tz=UTC),
                    signed=path.with_name(path.name + ".minisig").is_file(),
                )
            )
    return found


def sign_pack(path: Path) -> None:
    """Write *path*.minisig beside a pack (minisign -Vm PACK checks it)."""
    key = signing.load_secret(conf.signing_key())
    comment = f"chaikhana pack {path.name} {datetime.now(tz=UTC).isoformat(timespec='seconds')}"
    signature = signing.sign(key, path.read_bytes(), trusted_comment=comment)
    path.with_name(path.name + ".minisig").write_text(signature)
