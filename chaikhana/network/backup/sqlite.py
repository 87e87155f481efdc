"""SQLite through its online backup API: a consistent copy while the site keeps writing.

One ``backup()`` step (pages=-1) copies the whole database inside one read transaction, so
the copy is a single moment of the database; in WAL mode writers carry on meanwhile.
Going through Django's own connection (not the file name) also works for in-memory test
databases.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

from chaikhana.network.backup.errors import BackupError

DUMP_NAME = "database.sqlite3"


def _raw(connection: BaseDatabaseWrapper) -> sqlite3.Connection:
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def dump(connection: BaseDatabaseWrapper, directory: Path) -> str:
    """Copy the live database into *directory*; return the dump's file name."""
    target = sqlite3.connect(directory / DUMP_NAME)
    try:
        _raw(connection).backup(target)
        # The copy inherits WAL mode from the live file; a rollback journal makes the
        # backup one self-contained file that opening it read-only cannot change.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode != sqlite3.SQLITE_FULL:
            raise
        # The disk the backup goes to filled up: the same failure as any other full write.
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)) from error
    finally:
        target.close()
    return DUMP_NAME


def check_readable(path: Path) -> None:
    """Refuse a dump SQLite itself finds damaged (a checksum only proves it is unchanged)."""
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (result,) = source.execute("PRAGMA quick_check").fetchone()
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name} is not a readable SQLite database: {error}") from error
    if result != "ok":
        raise BackupError(f"{path.name} is damaged: {result}")


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Replace the configured database with the dump, in one write transaction.

    The backup API writes through SQLite's pager, so the live file's WAL and lock files
    stay coherent, which copying the file over them would not guarantee.
    """
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(_raw(connection))
    except sqlite3.Error as error:
        raise BackupError(f"could not restore the database from {path.name}: {error}") from error
    finally:
        source.close()
