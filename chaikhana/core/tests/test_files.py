"""Storing a file whole or not at all (core/files.py); the real full disk: tests/reliability."""

from __future__ import annotations

import errno

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from chaikhana.core.files import StorageFull, save_whole


class _FillsTheDisk(ContentFile):
    """Content whose second chunk meets a full disk (ENOSPC) or another failure."""

    def __init__(self, code: int) -> None:
        super().__init__(b"x" * 10)
        self.code = code

    def chunks(self, chunk_size=None):
        yield b"first part "
        raise OSError(self.code, "simulated")


class SaveWholeTests:
    def test_nothing_is_kept_and_the_message_is_clear_when_the_disk_is_full(self, tmp_path):
        storage = FileSystemStorage(location=tmp_path)
        with pytest.raises(StorageFull) as refused:
            save_whole(storage, "blogs/1/a.jpg", _FillsTheDisk(errno.ENOSPC))
        assert "no room left" in str(refused.value.message) and refused.value.field == "file"
        assert not list(tmp_path.rglob("*.jpg"))

    def test_other_failures_are_not_called_a_full_disk_when_they_happen(self, tmp_path):
        storage = FileSystemStorage(location=tmp_path)
        with pytest.raises(OSError) as failed:
            save_whole(storage, "blogs/1/a.jpg", _FillsTheDisk(errno.EIO))
        assert not isinstance(failed.value, StorageFull)

    def test_name_is_the_one_asked_for_when_it_is_free(self, tmp_path):
        storage = FileSystemStorage(location=tmp_path)
        assert save_whole(storage, "blogs/1/a.jpg", ContentFile(b"ok")) == "blogs/1/a.jpg"
        assert (tmp_path / "blogs/1/a.jpg").read_bytes() == b"ok"
