"""The database half of a backup: the vendor's own dump tool, and the migration state."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from chaikhana.network.backup import postgres, sqlite
from chaikhana.network.backup.errors import BackupError

_VENDORS: dict[str, ModuleType] = {"sqlite": sqlite, "postgresql": postgres}


def vendor_module(connection: BaseDatabaseWrapper) -> ModuleType:
    if connection.vendor not in _VENDORS:
        raise BackupError(
            f"backups support SQLite and PostgreSQL, not {connection.vendor} "
            "(use the database's own tools)"
        )
    return _VENDORS[connection.vendor]


def applied_migrations(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def unknown_migrations(
    connection: BaseDatabaseWrapper, recorded: dict[str, list[str]]
) -> list[str]:
    """Migrations the backup has applied that this code does not have (a newer version's)."""
    known = set(MigrationLoader(connection, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in recorded.items()
        for name in names
        if (app, name) not in known
    ]


def dump(connection: BaseDatabaseWrapper, directory: Path) -> str:
    return str(vendor_module(connection).dump(connection, directory))


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    module = vendor_module(connection)
    module.check_readable(path)
    module.restore(connection, path)
