"""Bad input to backup and restore: a clear CommandError, and nothing written or left behind."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from chaikhana.core.testing.factories import BlogFactory
from chaikhana.network.backup.manifest import MANIFEST_NAME

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "photos").mkdir(parents=True)
    (settings.MEDIA_ROOT / "photos" / "lake.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    return settings.MEDIA_ROOT


@pytest.fixture
def backup(media_root, tmp_path) -> Path:
    """A complete backup of a small network, then emptied (as restore requires)."""
    blog = BlogFactory()
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    blog.delete()
    get_user_model().objects.all().delete()
    (media_root / "photos" / "lake.jpg").unlink()
    return tmp_path / "backup"


def _unwritable(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        return locked / "backup"
    # Permission bits do not stop root; sysfs refuses new directories even to root.
    return Path("/sys/chaikhana-backup-test")


class BackupRefusalTests:
    def test_backup_refused_when_directory_is_not_writable(self, media_root, tmp_path):
        with pytest.raises(CommandError, match="cannot write to"):
            call_command("backup", str(_unwritable(tmp_path)), verbosity=0)

    def test_backup_refused_and_directory_untouched_when_it_is_not_empty(
        self, media_root, tmp_path
    ):
        (tmp_path / "full").mkdir()
        (tmp_path / "full" / "notes.txt").write_text("mine")
        with pytest.raises(CommandError, match="is not empty"):
            call_command("backup", str(tmp_path / "full"), verbosity=0)
        assert [p.name for p in (tmp_path / "full").iterdir()] == ["notes.txt"]

    def test_backup_leaves_no_directory_when_copying_media_fails(self, media_root, tmp_path):
        # A symbolic link to itself is listed as a file and cannot be opened, even by root.
        (media_root / "photos" / "loop").symlink_to(media_root / "photos" / "loop")
        with pytest.raises(CommandError, match="Backup failed"):
            call_command("backup", str(tmp_path / "new"), verbosity=0)
        assert not (tmp_path / "new").exists()


class RestoreRefusalTests:
    def test_restore_refused_when_database_has_users(self, backup):
        BlogFactory()
        with pytest.raises(CommandError, match="needs an empty database; this one has 1 users"):
            call_command("restore", str(backup), verbosity=0)

    def test_restore_refused_naming_the_file_when_a_media_byte_is_flipped(self, backup, media_root):
        damaged = backup / "media" / "photos" / "lake.jpg"
        data = bytearray(damaged.read_bytes())
        data[3] ^= 0x01
        damaged.write_bytes(bytes(data))
        with pytest.raises(CommandError, match=re.escape("media/photos/lake.jpg is corrupt")):
            call_command("restore", str(backup), verbosity=0)
        assert not (media_root / "photos" / "lake.jpg").exists()

    def test_restore_refused_when_the_database_dump_is_truncated(self, backup):
        manifest = json.loads((backup / MANIFEST_NAME).read_text())
        dump = backup / manifest["database"]
        dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
        with pytest.raises(CommandError, match=f"{manifest['database']} is corrupt"):
            call_command("restore", str(backup), verbosity=0)

    def test_restore_refused_when_the_manifest_is_missing(self, backup):
        (backup / MANIFEST_NAME).unlink()
        with pytest.raises(CommandError, match=re.escape("has no manifest.json")):
            call_command("restore", str(backup), verbosity=0)

    def test_restore_refused_when_the_backup_is_of_another_vendor(self, backup):
        manifest = json.loads((backup / MANIFEST_NAME).read_text())
        manifest["vendor"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
        (backup / MANIFEST_NAME).write_text(json.dumps(manifest))
        with pytest.raises(CommandError, match="across database vendors is not supported"):
            call_command("restore", str(backup), verbosity=0)

    def test_restore_refused_when_the_manifest_points_outside_the_backup(self, backup):
        manifest = json.loads((backup / MANIFEST_NAME).read_text())
        manifest["files"][0]["path"] = "../../etc/passwd"
        (backup / MANIFEST_NAME).write_text(json.dumps(manifest))
        with pytest.raises(CommandError, match="outside the backup"):
            call_command("restore", str(backup), verbosity=0)

    def test_restore_refused_when_media_storage_already_has_the_file(self, backup, media_root):
        (media_root / "photos" / "lake.jpg").write_bytes(b"someone else's")
        with pytest.raises(CommandError, match=re.escape("photos/lake.jpg already exists")):
            call_command("restore", str(backup), verbosity=0)
        assert (media_root / "photos" / "lake.jpg").read_bytes() == b"someone else's"
