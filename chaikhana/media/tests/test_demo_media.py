"""`manage.py demo_media`: the demo's photos become library files, photo posts serve <picture>."""

from __future__ import annotations

import re

import pytest
from django.core.management import CommandError, call_command

from chaikhana.blogs.models import Post
from chaikhana.media.models import MediaFile, Rendition

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", blogs=5, posts=40)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo_media")


def photo_post() -> Post:
    return Post.objects.posts().filter(blog__name="kamera", status="published").first()


class DemoMediaCommandTests:
    # One demo per test costs seconds (renditions of twelve photos): what a visitor and the
    # library see of one run is checked in one test.
    def test_every_demo_picture_becomes_a_library_file_served_as_picture(self, client, demo):
        files = MediaFile.objects.all()
        assert files.count() == 12
        assert {f.blog.name for f in files} == {"kamera"}
        assert Rendition.objects.filter(format="webp", width=640).count() == 12

        page = client.get(photo_post().get_absolute_url()).content.decode()
        assert "<picture>" in page
        srcsets = re.findall(r'srcset="([^"]+)"', page)
        assert any(" 640w" in srcset for srcset in srcsets)
        assert "/media/demo/" not in page

        # cover images point at the library once posts are rewritten
        covers = Post.objects.exclude(cover_image="").values_list("cover_image", flat=True)
        assert covers and not any("/media/demo/" in cover for cover in covers)

    def test_changes_nothing_when_run_again_and_refuses_without_if_needed(self, demo):
        before = (MediaFile.objects.count(), Rendition.objects.count())
        call_command("demo_media", if_needed=True)
        assert (MediaFile.objects.count(), Rendition.objects.count()) == before
        with pytest.raises(CommandError, match="--if-needed"):
            call_command("demo_media")
