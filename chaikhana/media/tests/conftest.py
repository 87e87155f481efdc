"""Fixtures for the media tests: a private media root, an upload that runs its tasks."""

import pytest

from chaikhana.media.actions import upload_media
from chaikhana.media.tests.helpers import upload_file


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def upload(blog, user, django_capture_on_commit_callbacks):
    """upload(data, name) as the blog's owner, running the renditions task after commit."""

    def run(data: bytes, name: str = "photo.jpg", *, by=None, to=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return upload_media(
                blog=to or blog, by=by or user, uploaded_file=upload_file(data, name), **kwargs
            )

    return run
