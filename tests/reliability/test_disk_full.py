"""Drill 5: the disk fills (issue 20).

Media and private storage live on a 2 MB tmpfs mounted for the drill (we run as root; without
the right to mount, the drill is skipped and says so). It is filled until a photo upload, a
WordPress import and a backup cannot fit: each gets a clear message, leaves no partial file
and no row pointing at a missing file, and the site keeps serving. When room is made again,
uploads work, and `manage.py check_media` finds files and rows in step.
"""

from __future__ import annotations

import io
import os
import random
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from PIL import Image

from tests.reliability._faults import (
    DEMO_PASSWORD,
    PY,
    ROOT,
    Browser,
    base_env,
    gunicorn,
    prepare_site,
)

pytestmark = pytest.mark.drill

# The demo user reads the dashboard in Russian (her profile's language).
NO_ROOM = "На сервере не осталось места для этого файла"
LEFT_FREE = 120 * 1024  # bytes left on the disk: less than any of the three needs


def _photo() -> bytes:
    """A noisy 700×700 JPEG: ~300 KB even after it is re-encoded without metadata."""
    rng = random.Random(5)
    image = Image.frombytes(
        "RGB", (700, 700), bytes(rng.getrandbits(8) for _ in range(700 * 700 * 3))
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def _wxr() -> bytes:
    body = "<p>" + "Чайхана " * 40000 + "</p>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Big</title>
<wp:wxr_version>1.2</wp:wxr_version><item><title>Big post</title>
<content:encoded><![CDATA[{body}]]></content:encoded><wp:post_id>1</wp:post_id>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>""".encode()


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@dataclass
class Full:
    upload: requests.Response
    wxr: requests.Response
    backup: subprocess.CompletedProcess
    rows_before: dict[str, int]
    rows_after: dict[str, int]
    files_before: list[str]
    files_after: list[str]
    backup_left: list[str]
    page_while_full: requests.Response
    upload_with_room: requests.Response
    check: subprocess.CompletedProcess


@pytest.fixture(scope="module")
def disk() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="chaikhana-full-") as mountpoint:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountpoint], capture_output=True
        )
        if mounted.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
        try:
            yield Path(mountpoint)
        finally:
            subprocess.run(["umount", "-l", mountpoint], check=False)


def _rows(db: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = ("media_mediafile", "porting_importrun")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608


def _fill(disk: Path) -> Path:
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    filler = disk / "filler"
    filler.write_bytes(b"\0" * max(0, free - LEFT_FREE))
    return filler


@pytest.fixture(scope="module")
def full(disk: Path) -> Iterator[Full]:
    with tempfile.TemporaryDirectory() as var:
        env = base_env(var) | {"MEDIA_ROOT": f"{disk}/media", "PRIVATE_ROOT": f"{disk}/private"}
        prepare_site(env, posts=2)
        db = env["SQLITE_PATH"]
        with gunicorn(env, workers=1, threads=2) as server:
            writer = Browser(server.base)
            writer.sign_in("demo", DEMO_PASSWORD)
            photo, wxr = _photo(), _wxr()
            filler = _fill(disk)
            rows_before, files_before = _rows(db), _files(disk)
            upload = writer.submit(
                "/dashboard/@demo/media/", "file", files={"file": ("p.jpg", photo)}
            )
            wxr_answer = writer.submit(
                "/dashboard/@demo/import/", "file", files={"file": ("site.xml", wxr)}
            )
            backup = subprocess.run(
                [PY, "manage.py", "backup", f"{disk}/backup"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            page = Browser(server.base).get("/@demo/")
            rows_after, files_after = _rows(db), _files(disk)
            backup_left = _files(disk / "backup") if (disk / "backup").exists() else []
            filler.unlink()
            with_room = writer.submit(
                "/dashboard/@demo/media/", "file", files={"file": ("p.jpg", photo)}
            )
            check = subprocess.run(
                [PY, "manage.py", "check_media"], cwd=ROOT, env=env, capture_output=True, text=True
            )
            yield Full(
                upload,
                wxr_answer,
                backup,
                rows_before,
                rows_after,
                files_before,
                files_after,
                backup_left,
                page,
                with_room,
                check,
            )


class DiskFullTests:
    def test_uploader_is_told_in_her_language_when_the_disk_is_full(self, full):
        # 400: the library's form sent back with the message beside the file field.
        assert full.upload.status_code == 400 and NO_ROOM in full.upload.text

    def test_importer_is_told_in_her_language_when_the_disk_is_full(self, full):
        assert full.wxr.status_code == 200 and NO_ROOM in full.wxr.text

    def test_backup_fails_clearly_and_leaves_nothing_when_the_disk_is_full(self, full):
        assert full.backup.returncode != 0
        assert "No space left on device" in full.backup.stderr
        assert "nothing kept" in full.backup.stderr
        assert full.backup_left == []

    def test_no_row_and_no_partial_file_are_left_when_the_disk_is_full(self, full):
        assert full.rows_after == full.rows_before
        assert full.files_after == full.files_before

    def test_site_keeps_serving_and_uploads_resume_when_room_is_made(self, full):
        assert full.page_while_full.status_code == 200
        assert full.upload_with_room.status_code == 302
        assert full.check.returncode == 0, full.check.stdout + full.check.stderr
