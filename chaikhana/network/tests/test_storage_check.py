"""manage.py check_media: files no row points to and rows whose file is gone."""

from __future__ import annotations

import os
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chaikhana.core.testing.factories import BlogFactory
from chaikhana.media.models import MediaFile, Rendition

pytestmark = pytest.mark.django_db


@pytest.fixture
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(tmp_path / "p")}},
    }
    return tmp_path


def _file(path, *, hours_old: float = 2) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    then = time.time() - hours_old * 3600
    os.utime(path, (then, then))


def _media(name: str) -> MediaFile:
    return MediaFile.objects.create(
        blog=BlogFactory(),
        file=name,
        kind="image",
        content_type="image/jpeg",
        original_name="a.jpg",
        size=1,
        sha256="0" * 64,
    )


def _check(*args: str) -> tuple[str, bool]:
    out = StringIO()
    try:
        call_command("check_media", *args, stdout=out)
    except CommandError:
        return out.getvalue(), False
    return out.getvalue(), True


class CheckMediaTests:
    def test_lists_and_removes_a_file_no_row_points_to_when_fixing(self, roots):
        _file(roots / "media/blogs/1/2026/12/lost.jpg")
        _file(roots / "p/imports/1-half-written.xml")
        text, ok = _check()
        assert not ok and "blogs/1/2026/12/lost.jpg" in text and "imports/1-half" in text
        text, ok = _check("--fix")
        assert ok and not (roots / "media/blogs/1/2026/12/lost.jpg").exists()
        assert not (roots / "p/imports/1-half-written.xml").exists()

    def test_keeps_a_file_without_row_when_it_is_younger_than_an_hour(self, roots):
        _file(roots / "media/blogs/1/2026/12/uploading.jpg", hours_old=0)
        assert _check("--fix") == ("Every file has its row and every row its file.\n", True)
        assert (roots / "media/blogs/1/2026/12/uploading.jpg").exists()

    def test_keeps_files_outside_the_products_folders_when_fixing(self, roots):
        _file(roots / "media/network/icon-abc.png")
        _file(roots / "media/cards/1-abc.png")
        assert _check("--fix")[1]
        assert (roots / "media/network/icon-abc.png").exists()

    def test_lists_an_upload_whose_file_is_gone_and_keeps_its_row(self, roots):
        media = _media("blogs/1/2026/12/gone.jpg")
        text, ok = _check("--fix")
        assert not ok and f"missing file of media {media.pk}: blogs/1/2026/12/gone.jpg" in text
        assert MediaFile.objects.filter(pk=media.pk).exists()

    def test_forgets_a_rendition_whose_file_is_gone_when_fixing(self, roots):
        _file(roots / "media/blogs/1/2026/12/here.jpg")
        media = _media("blogs/1/2026/12/here.jpg")
        Rendition.objects.create(
            media=media, format="webp", width=320, height=200, file="blogs/1/x-320.webp", size=1
        )
        assert _check("--fix")[1]
        assert not Rendition.objects.filter(media=media, file="blogs/1/x-320.webp").exists()
