"""A live demo network backed up and restored into a separate, empty installation, compared."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from chaikhana.network.tests.backup_helpers import (
    installation,
    installation_of,
    manage,
    site_env,
)


@pytest.fixture
def live_network(transactional_db, settings, tmp_path):
    """A demo network with media of its own, committed, so other processes could see it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", blogs=5, posts=40, verbosity=0)
    (settings.MEDIA_ROOT / "uploads" / "2025" / "нарын").mkdir(parents=True)
    (settings.MEDIA_ROOT / "uploads" / "2025" / "нарын" / "snow.bin").write_bytes(bytes(256))
    (settings.MEDIA_ROOT / "top.txt").write_text("чайхана")
    return installation()


def _restore_and_compare(live: dict, backup: Path, env: dict[str, str], prepare: str) -> None:
    if prepare == "migrated":
        assert manage(env, "migrate", "-v", "0").returncode == 0
    result = manage(env, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    restored = installation_of(env)
    assert restored["files"] == live["files"]
    assert restored["rows"].keys() == live["rows"].keys()
    for label, rows in live["rows"].items():
        assert restored["rows"][label] == rows, label


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite round trip")
class SqliteRoundTripTests:
    @pytest.mark.parametrize("prepare", ["no database", "migrated"])
    def test_restore_gives_back_every_row_and_file_when_backed_up_live(
        self, live_network, tmp_path, prepare
    ):
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        env = site_env(tmp_path / "elsewhere")
        _restore_and_compare(live_network, tmp_path / "backup", env, prepare)
        assert live_network["rows"]["blogs.Post"]  # the comparison compared something


@pytest.fixture
def scratch_database(transactional_db):
    """A second PostgreSQL database on the same server, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    s = connection.settings_dict
    host = f"{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}"
    yield f"postgres://{s['USER']}:{s['PASSWORD']}@{host}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="DATABASE_URL is not PostgreSQL (.ci/run sets it)"
)
class PostgresRoundTripTests:
    @pytest.mark.parametrize("prepare", ["no tables", "migrated"])
    def test_restore_gives_back_every_row_and_file_when_backed_up_live(
        self, live_network, scratch_database, tmp_path, prepare
    ):
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        assert (tmp_path / "backup" / "database.pgdump").is_file()
        env = site_env(tmp_path / "elsewhere", database_url=scratch_database)
        _restore_and_compare(live_network, tmp_path / "backup", env, prepare)
