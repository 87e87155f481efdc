"""Backing up while the site keeps writing: nothing fails, and the copy is one moment in time.

A writer thread inserts users in pairs, one transaction per pair; a consistent backup holds
whole pairs only, and a number of them between what was written before and after it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3 import base as sqlite

from chaikhana.network.backup.create import create_backup
from chaikhana.network.backup.postgres import client_environment

PROBE = "backup_probe"  # a table of the test's own: any table shows the property
SQLITE_SETUP = (
    "PRAGMA journal_mode=WAL; CREATE TABLE backup_probe (name TEXT);"
    # Some bulk, so that the copy takes long enough for writes to overlap it.
    "CREATE TABLE filler (data BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
    "SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(4000) FROM n;"
)


class PairWriter(threading.Thread):
    """Inserts w<n>a and w<n>b in one transaction each time, until stopped."""

    def __init__(self, connect: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self.connect, self.pairs = connect, 0
        self.error: Exception | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        db = self.connect()
        try:
            while not self.stop.is_set():
                # One transaction: both rows, or neither (sqlite3's connection is its own).
                with db.transaction() if hasattr(db, "transaction") else db:
                    for side in "ab":
                        db.execute(f"INSERT INTO {PROBE} VALUES ('w{self.pairs}{side}')")  # noqa: S608
                self.pairs += 1
        except Exception as error:  # reported by the test, which runs in another thread
            self.error = error
        finally:
            db.close()

    def wait_for(self, pairs: int) -> None:
        while self.pairs < pairs and self.error is None and self.is_alive():
            self.stop.wait(0.01)


@pytest.fixture
def live(transactional_db, tmp_path, settings) -> Iterator[tuple[BaseDatabaseWrapper, Any]]:
    """The database the site writes to, and how a writer connects to it.

    On SQLite a file in WAL mode as the site uses (the test database lives in memory).
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    if connection.vendor == "sqlite":
        path = tmp_path / "live.sqlite3"
        with closing(sqlite3.connect(path)) as db:
            db.executescript(SQLITE_SETUP)
        site = sqlite.DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, "live")

        def connect() -> Any:
            return sqlite3.connect(path, timeout=5, isolation_level="IMMEDIATE")

        yield site, connect
        site.close()
        return
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {PROBE} (name text)")

    def pg_connect() -> Any:
        return psycopg.connect(**connection.get_connection_params(), autocommit=True)

    yield connection, pg_connect
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {PROBE}")


def _names_in(backup: Path, vendor: str) -> set[str]:
    if vendor == "sqlite":
        with closing(
            sqlite3.connect(f"file:{backup / 'database.sqlite3'}?mode=ro", uri=True)
        ) as db:
            return {row[0] for row in db.execute(f"SELECT name FROM {PROBE}")}  # noqa: S608
    data = subprocess.run(
        ["pg_restore", "--data-only", f"--table={PROBE}", "--file=-", backup / "database.pgdump"],
        capture_output=True,
        text=True,
        check=True,
        env=client_environment({}),
    ).stdout
    return {line for line in data.splitlines() if line[:1] == "w"}


class LiveBackupTests:
    def test_backup_holds_whole_transactions_when_a_writer_runs_throughout(self, live, tmp_path):
        site, connect = live
        writer = PairWriter(connect)
        writer.start()
        writer.wait_for(20)
        before = writer.pairs
        create_backup(target=tmp_path / "backup", connection=site, storage=default_storage)
        after = writer.pairs
        writer.wait_for(after + 20)  # the writer carried on after the backup, unharmed
        writer.stop.set()
        writer.join()
        assert writer.error is None
        names = _names_in(tmp_path / "backup", site.vendor)
        pairs = {name[:-1] for name in names}
        assert names == {f"{pair}{side}" for pair in pairs for side in "ab"}
        assert before <= len(pairs) <= after
