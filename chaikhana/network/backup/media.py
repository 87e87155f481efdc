"""Media files through the storage API: the same code for the filesystem and S3.

Names are the storage's own (forward slashes, relative to MEDIA_ROOT or the bucket), so a
file comes back under the name the database rows point at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage

from chaikhana.network.backup.errors import BackupError

MEDIA_DIR = "media"


def walk(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file name in *storage*, depth first, in a stable order."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # no MEDIA_ROOT yet: nothing uploaded
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from walk(storage, f"{directory}/{name}" if directory else name)


def copy_out(storage: Storage, backup: Path) -> list[str]:
    """Copy every stored file under backup/media/; return the paths relative to *backup*."""
    copied = []
    for name in walk(storage):
        try:
            source = storage.open(name, "rb")
        except FileNotFoundError:  # deleted since listed: the database copy is older anyway
            continue
        target = backup / MEDIA_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with source, target.open("wb") as sink:
            shutil.copyfileobj(source, sink)
        copied.append(f"{MEDIA_DIR}/{name}")
    return copied


def storage_name(relative: str) -> str:
    return relative.removeprefix(f"{MEDIA_DIR}/")


def refuse_existing(storage: Storage, relatives: list[str]) -> None:
    """Restore never overwrites a stored file: an existing one means the target is not empty."""
    for relative in relatives:
        if storage.exists(storage_name(relative)):
            raise BackupError(
                f"restore needs empty media storage; {storage_name(relative)} already exists"
            )


def copy_in(storage: Storage, backup: Path, relatives: list[str]) -> list[str]:
    """Save each file under its own name; return the names saved (to undo a failure)."""
    saved: list[str] = []
    try:
        for relative in relatives:
            with (backup / relative).open("rb") as source:
                name = storage.save(storage_name(relative), File(source))
            saved.append(name)
            if name != storage_name(relative):  # the storage renamed it: rows would miss it
                raise BackupError(f"media storage stored {relative} as {name}")
    except BaseException:
        remove(storage, saved)
        raise
    return saved


def remove(storage: Storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)
