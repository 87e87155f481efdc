"""PostgreSQL through pg_dump and pg_restore, connection parameters from settings.DATABASES.

The parameters go in PG* environment variables, never on the command line, where any
user of the machine could read the password in the process list.
pg_dump works from one snapshot, so the dump is consistent while the site keeps writing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

from chaikhana.network.backup.errors import BackupError

DUMP_NAME = "database.pgdump"
_ENVIRONMENT = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "NAME": "PGDATABASE"}
_OPTIONS = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "passfile": "PGPASSFILE"}


def client_environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """The environment for pg_dump/pg_restore to reach the database Django uses."""
    env = dict(os.environ)
    for key, variable in _ENVIRONMENT.items():
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in _OPTIONS.items():
        if settings_dict.get("OPTIONS", {}).get(option):
            env[variable] = str(settings_dict["OPTIONS"][option])
    return env


def _run(program: str, arguments: list[str], settings_dict: dict[str, Any]) -> str:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed (Debian: apt install postgresql-client)")
    result = subprocess.run(  # noqa: S603 - a fixed program, arguments of our own
        [executable, *arguments],
        env=client_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip() or result.returncode}")
    return result.stdout


def dump(connection: BaseDatabaseWrapper, directory: Path) -> str:
    """pg_dump the configured database into *directory*; return the dump's file name."""
    _run(
        "pg_dump", ["--format=custom", f"--file={directory / DUMP_NAME}"], connection.settings_dict
    )
    return DUMP_NAME


def check_readable(path: Path) -> None:
    """pg_restore --list reads the dump's table of contents: a dump cut short there fails.

    Damage further in shows as a checksum mismatch first; --single-transaction covers the rest.
    """
    _run("pg_restore", ["--list", str(path)], {})


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Replace the configured database's contents with the dump, all or nothing."""
    connection.close()  # our own session must not hold locks on tables pg_restore drops
    _run(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",  # a failure halfway leaves the database as it was
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        connection.settings_dict,
    )
