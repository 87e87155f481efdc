"""``restore DIR``: verify everything, check the installation is empty, then media and database.

Nothing is written before every checksum, the vendor, the migrations and emptiness have been
checked. Media goes in before the database so that a failed database restore can take the
files back out; the database restore itself is one transaction on both vendors.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage
from django.db.backends.base.base import BaseDatabaseWrapper

from chaikhana.network.backup import database, media
from chaikhana.network.backup.errors import BackupError
from chaikhana.network.backup.manifest import Manifest, read_manifest, verify_files


def occupied(connection: BaseDatabaseWrapper) -> tuple[int, int]:
    """(users, blogs) in the configured database; (0, 0) when it has no tables yet."""
    tables = set(connection.introspection.table_names())
    counts = []
    for model in (apps.get_model(settings.AUTH_USER_MODEL), apps.get_model("blogs", "Blog")):
        present = model._meta.db_table in tables
        counts.append(model._default_manager.using(connection.alias).count() if present else 0)
    return counts[0], counts[1]


def check_backup(source: Path, connection: BaseDatabaseWrapper) -> Manifest:
    """Read and verify the backup in *source* against this installation; change nothing."""
    if not source.is_dir():
        raise BackupError(f"{source} is not a directory")
    manifest = read_manifest(source)
    if manifest.vendor != connection.vendor:
        raise BackupError(
            f"this backup is of a {manifest.vendor} database and this installation uses "
            f"{connection.vendor}; restoring across database vendors is not supported"
        )
    verify_files(source, manifest)
    if unknown := database.unknown_migrations(connection, manifest.migrations):
        raise BackupError(
            "the backup was made by a newer Chaikhana (migrations unknown here: "
            f"{', '.join(unknown[:5])}); upgrade this installation first"
        )
    return manifest


def check_empty(connection: BaseDatabaseWrapper) -> None:
    users, blogs = occupied(connection)
    if users or blogs:
        raise BackupError(
            f"restore needs an empty database; this one has {users} users and {blogs} blogs"
        )


def restore_backup(*, source: Path, connection: BaseDatabaseWrapper, storage: Storage) -> Manifest:
    """Bring the backup in *source* back into this empty installation."""
    manifest = check_backup(source, connection)
    check_empty(connection)
    relatives = [entry.path for entry in manifest.media()]
    media.refuse_existing(storage, relatives)
    saved = media.copy_in(storage, source, relatives)
    try:
        database.restore(connection, source / manifest.database)
    except BaseException:
        media.remove(storage, saved)
        raise
    return manifest
