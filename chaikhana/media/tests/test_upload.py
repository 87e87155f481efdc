"""Uploading: what is accepted (by content), what is refused (with a message)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, features

from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory, UserFactory
from chaikhana.media.models import MediaFile
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db


def stored_count(settings) -> int:
    root = settings.MEDIA_ROOT
    return sum(1 for p in root.rglob("*") if p.is_file()) if root.exists() else 0


class AcceptedFormatTests:
    @pytest.mark.parametrize(
        ("data", "kind", "content_type", "ext"),
        [
            (h.image_bytes("JPEG"), "image", "image/jpeg", "jpg"),
            (h.image_bytes("PNG"), "image", "image/png", "png"),
            (h.image_bytes("WEBP"), "image", "image/webp", "webp"),
            (h.image_bytes("GIF"), "image", "image/gif", "gif"),
            (h.MP3, "audio", "audio/mpeg", "mp3"),
            (h.MP3_NO_TAG, "audio", "audio/mpeg", "mp3"),
            (h.OGG, "audio", "audio/ogg", "ogg"),
            (h.M4A, "audio", "audio/mp4", "m4a"),
            (h.PDF, "pdf", "application/pdf", "pdf"),
        ],
    )
    def test_file_is_stored_under_its_true_type_when_its_content_is_accepted(
        self, upload, data, kind, content_type, ext
    ):
        media = upload(data, "upload.bin")
        assert (media.kind, media.content_type) == (kind, content_type)
        assert media.file.name.endswith("." + ext)
        assert media.original_name == f"upload.{ext}"
        assert media.size == len(h.stored_bytes(media.file.name)) > 0

    @pytest.mark.skipif(not features.check("avif"), reason="this Pillow cannot write AVIF")
    def test_avif_is_accepted_when_pillow_reads_it(self, upload):
        media = upload(h.image_bytes("AVIF"), "photo.avif")
        assert (media.content_type, media.width, media.height) == ("image/avif", 40, 30)

    def test_image_keeps_its_size_and_reports_it(self, upload):
        media = upload(h.image_bytes("PNG", (123, 45)), "wide.png")
        assert (media.width, media.height) == (123, 45)
        assert Image.open(media.file.open("rb")).size == (123, 45)

    def test_lying_extension_is_replaced_by_the_one_the_content_earns(self, upload):
        media = upload(h.image_bytes("PNG"), "holiday.jpg")
        assert media.content_type == "image/png"
        assert media.file.name.endswith(".png")
        assert media.original_name == "holiday.png"

    def test_animated_gif_stays_animated_with_its_timing(self, upload):
        media = upload(h.animated_gif(), "dance.gif")
        stored = Image.open(io.BytesIO(h.stored_bytes(media.file.name)))
        assert media.is_animated and stored.n_frames == 3
        durations = []
        for i in range(stored.n_frames):
            stored.seek(i)
            durations.append(stored.info["duration"])
        assert durations == [70, 80, 90]
        assert stored.info.get("loop") == 0

    def test_alt_and_caption_are_kept_trimmed(self, upload):
        media = upload(h.image_bytes("JPEG"), alt="  A cat on a roof ", caption="Osh, 2024")
        assert (media.alt, media.caption) == ("A cat on a roof", "Osh, 2024")


class RefusedInputTests:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "empty"),
            (h.SVG, "SVG"),
            (h.MP4_VIDEO, "cannot be uploaded"),
            (b"MZ\x90\x00 a program", "cannot be uploaded"),
            (h.png_bomb(), "too many pixels"),
            (h.image_bytes("JPEG", (400, 300))[:1500], "damaged"),
            (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "damaged"),
        ],
    )
    def test_bad_file_is_refused_with_a_message_and_nothing_is_stored(
        self, upload, settings, data, message
    ):
        with pytest.raises(ActionError) as err:
            upload(data, "bad.jpg")
        assert message in str(err.value.message)
        assert err.value.field == "file"
        assert MediaFile.objects.count() == 0
        assert stored_count(settings) == 0

    def test_svg_is_refused_even_with_a_leading_comment(self, upload):
        with pytest.raises(ActionError, match="SVG"):
            upload(b"  <!-- drawn by hand -->\n<svg></svg>", "logo.png")

    def test_file_over_the_cap_is_refused_before_it_is_read(self, blog, user, settings):
        settings.MEDIA_MAX_UPLOAD_MB = 1

        class Unreadable(SimpleUploadedFile):
            def read(self, *args):  # the size alone must decide
                raise AssertionError("the file was read")

        big = Unreadable("film.mp4", b"x", content_type="video/mp4")
        big.size = 200 * 1024 * 1024
        from chaikhana.media.actions import upload_media

        with pytest.raises(ActionError, match=r"200\.0\sMB.*1\.0\sMB"):
            upload_media(blog=blog, by=user, uploaded_file=big)

    @pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
    def test_bomb_is_refused_without_decoding_its_pixels(self, upload, monkeypatch):
        def no_load(self):
            raise AssertionError("pixels were decoded")

        monkeypatch.setattr(Image.Image, "load", no_load)
        with pytest.raises(ActionError, match="too many pixels"):
            upload(h.png_bomb(12_000), "bomb.png")  # 144 MP: under Pillow's own error level

    def test_too_long_description_is_refused_next_to_its_field(self, upload):
        with pytest.raises(ActionError) as err:
            upload(h.image_bytes("JPEG"), alt="x" * 301)
        assert err.value.field == "alt"


class FileNameTests:
    @pytest.mark.parametrize(
        ("raw", "shown"),
        [
            ("../../etc/passwd.jpg", "passwd.jpg"),
            ("..\\..\\windows\\win.ini.jpg", "win.ini.jpg"),
            ("bad\x00name\x07.jpg", "badname.jpg"),
            ("Фото с митинга.jpeg", "Фото с митинга.jpg"),
            ("\u202egnp.jpg", "gnp.jpg"),
            ("." * 10, "file.jpg"),
        ],
    )
    def test_display_name_is_safe_and_stored_name_is_random(self, upload, blog, raw, shown):
        media = upload(h.image_bytes("JPEG"), raw)
        assert media.original_name == shown
        assert re.fullmatch(
            rf"blogs/{blog.pk}/\d{{4}}/\d{{2}}/[0-9a-f]{{20}}\.jpg", media.file.name
        )

    def test_very_long_name_is_cut_to_fit(self, upload):
        media = upload(h.image_bytes("JPEG"), "я" * 5000 + ".jpg")
        assert len(media.original_name) <= 200 and media.original_name.endswith(".jpg")

    def test_two_uploads_with_the_same_name_are_two_files(self, upload):
        first, second = (
            upload(h.image_bytes("JPEG"), "a.jpg"),
            upload(h.image_bytes("PNG"), "a.jpg"),
        )
        assert first.file.name != second.file.name
        assert h.stored_bytes(first.file.name) != h.stored_bytes(second.file.name)


class UploadPermissionTests:
    @pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.AUTHOR, Role.EDITOR])
    def test_any_member_may_upload(self, upload, blog, role):
        member = MembershipFactory(blog=blog, role=role).user
        assert upload(h.image_bytes("JPEG"), by=member).uploaded_by == member

    def test_stranger_may_not_upload_and_nothing_is_stored(self, upload, settings):
        with pytest.raises(PermissionDenied):
            upload(h.image_bytes("JPEG"), by=UserFactory())
        assert stored_count(settings) == 0

    def test_member_of_another_blog_may_not_upload_here(self, upload, blog):
        other_owner = UserFactory()
        BlogFactory(owner=other_owner)
        with pytest.raises(PermissionDenied):
            upload(h.image_bytes("JPEG"), by=other_owner, to=blog)


class StorageAtomicityTests:
    def test_stored_file_is_removed_when_its_row_cannot_be_written(
        self, upload, settings, monkeypatch
    ):
        def fail(*args, **kwargs):
            raise RuntimeError("database went away")

        monkeypatch.setattr(MediaFile.objects, "create", fail)
        with pytest.raises(RuntimeError):
            upload(h.image_bytes("JPEG"))
        assert stored_count(settings) == 0
