"""``backup DIR``: database, then media, then the manifest, into an empty directory.

The database goes first: files uploaded meanwhile are then at worst unreferenced extras in
the backup, never rows pointing at files it lacks (stored names never change; a file
deleted during the copy is skipped, as the rows that pointed at it may be gone too).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.core.files.storage import Storage
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from chaikhana.network.backup import database, media
from chaikhana.network.backup.errors import BackupError
from chaikhana.network.backup.manifest import FORMAT_VERSION, Manifest, describe, write_manifest


def prepare_target(target: Path) -> bool:
    """Make sure *target* is an empty, writable directory; True when we created it."""
    if target.exists() and not target.is_dir():
        raise BackupError(f"{target} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty; back up into a new or empty directory")
    created = not target.exists()
    try:
        target.mkdir(parents=True, exist_ok=True)
        probe = target / ".write-test"
        probe.touch()
        probe.unlink()
    except OSError as error:
        raise BackupError(f"cannot write to {target}: {error.strerror or error}") from error
    return created


def clean_up(target: Path, *, created: bool) -> None:
    """Leave nothing that could pass for a backup: the directory we made, or its contents."""
    if created:
        shutil.rmtree(target, ignore_errors=True)
        return
    for child in target.iterdir():
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def create_backup(*, target: Path, connection: BaseDatabaseWrapper, storage: Storage) -> Manifest:
    """Write a complete backup of *connection*'s database and *storage*'s files to *target*."""
    database.vendor_module(connection)  # refuse an unsupported vendor before touching the disk
    created = prepare_target(target)
    try:
        return _write(target, connection, storage)
    except BaseException as error:
        clean_up(target, created=created)
        if isinstance(error, OSError):
            raise BackupError(f"backup failed, nothing kept: {error}") from error
        raise


def _write(target: Path, connection: BaseDatabaseWrapper, storage: Storage) -> Manifest:
    created_at = timezone.now().isoformat()
    migrations = database.applied_migrations(connection)
    dump_name = database.dump(connection, target)
    relatives = [dump_name, *media.copy_out(storage, target)]
    manifest = Manifest(
        version=FORMAT_VERSION,
        created_at=created_at,
        vendor=connection.vendor,
        database=dump_name,
        migrations=migrations,
        files=[describe(target, relative) for relative in relatives],
    )
    write_manifest(target, manifest)
    return manifest
