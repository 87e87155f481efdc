"""manifest.json: what a backup holds, with a SHA-256 for every file; written last.

Its presence marks a complete backup, so it is written to a temporary name and renamed
into place (a rename within one directory is atomic on POSIX filesystems).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from chaikhana.network.backup.errors import BackupError

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class FileEntry:
    path: str  # relative to the backup directory, with forward slashes
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    version: int
    created_at: str  # ISO 8601, UTC
    vendor: str  # Django's connection.vendor: "sqlite" or "postgresql"
    database: str  # the dump's path among files
    migrations: dict[str, list[str]]  # applied migrations, per app label
    files: list[FileEntry] = field(default_factory=list)

    def media(self) -> list[FileEntry]:
        return [entry for entry in self.files if entry.path.startswith("media/")]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe(directory: Path, relative: str) -> FileEntry:
    path = directory / relative
    return FileEntry(path=relative, size=path.stat().st_size, sha256=sha256_file(path))


def write_manifest(directory: Path, manifest: Manifest) -> None:
    temporary = directory / (MANIFEST_NAME + ".partial")
    with temporary.open("w", encoding="utf-8") as stream:
        json.dump(asdict(manifest), stream, indent=1, ensure_ascii=False)
        stream.flush()
        os.fsync(stream.fileno())
    temporary.replace(directory / MANIFEST_NAME)


def read_manifest(directory: Path) -> Manifest:
    path = directory / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(
            f"{directory} has no {MANIFEST_NAME}: it is not a backup, or the backup never "
            "finished (the manifest is written last)."
        )
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        files = [FileEntry(**entry) for entry in raw.pop("files")]
        manifest = Manifest(**raw, files=files)
    except (ValueError, TypeError, KeyError) as error:
        raise BackupError(f"{path} is not a readable manifest: {error}") from error
    if manifest.version != FORMAT_VERSION:
        raise BackupError(
            f"{path} is format version {manifest.version}; this Chaikhana reads {FORMAT_VERSION}."
        )
    return manifest


def verify_files(directory: Path, manifest: Manifest) -> None:
    """Every listed file is present, inside the backup, and has its recorded size and hash."""
    root = directory.resolve()
    for entry in manifest.files:
        path = (directory / entry.path).resolve()
        # A crafted manifest must not make restore read (or later write) outside the backup.
        if not path.is_relative_to(root) or path == root:
            raise BackupError(f"the manifest names a file outside the backup: {entry.path!r}")
        if not path.is_file():
            raise BackupError(f"the backup is missing {entry.path}")
        if path.stat().st_size != entry.size:
            raise BackupError(
                f"{entry.path} is corrupt: {path.stat().st_size} bytes, the manifest says "
                f"{entry.size}"
            )
        if sha256_file(path) != entry.sha256:
            raise BackupError(f"{entry.path} is corrupt: its SHA-256 does not match the manifest")
