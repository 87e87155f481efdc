"""Renditions: the widths below the original, in modern formats and a fallback, made once."""

from __future__ import annotations

import io

import pytest
from PIL import Image, features

from chaikhana.media.actions import create_renditions
from chaikhana.media.tasks import make_renditions
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db
MODERN = {"avif", "webp"} if features.check("avif") else {"webp"}


def made(media) -> set[tuple[int, str]]:
    return {(r.width, r.format) for r in media.renditions.all()}


class RenditionTests:
    def test_image_gets_every_smaller_width_and_never_an_upscaled_one(self, upload):
        media = upload(h.image_bytes("JPEG", (800, 600)))
        smaller = {(w, f) for w in (320, 640, 768) for f in MODERN | {"jpeg"}}
        # Plus full-width modern copies, so an AVIF/WebP source never offers the JPEG.
        assert made(media) == smaller | {(800, f) for f in MODERN}

    def test_large_image_gets_every_width(self, upload):
        media = upload(h.image_bytes("JPEG", (2000, 100)))
        assert {w for w, _ in made(media)} == {320, 640, 768, 1024, 1200, 1600}

    def test_large_image_gets_a_1200_px_jpeg_alone_for_link_previews(self, upload):
        media = upload(h.image_bytes("JPEG", (2000, 1000)))
        assert {f for w, f in made(media) if w == 1200} == {"jpeg"}

    def test_rendition_files_have_the_size_and_format_they_claim(self, upload):
        media = upload(h.image_bytes("JPEG", (800, 600)))
        for rendition in media.renditions.all():
            image = Image.open(io.BytesIO(h.stored_bytes(rendition.file.name)))
            assert image.size == (rendition.width, rendition.height)
            assert image.format.lower() == rendition.format
            assert rendition.height == rendition.width * 3 // 4
            assert rendition.size == len(h.stored_bytes(rendition.file.name))

    def test_transparent_image_falls_back_to_png(self, upload):
        media = upload(h.image_bytes("PNG", (700, 100), mode="RGBA"))
        smaller = {(w, f) for w in (320, 640) for f in MODERN | {"png"}}
        assert made(media) == smaller | {(700, f) for f in MODERN}
        webp = media.renditions.filter(format="webp").first()
        assert Image.open(io.BytesIO(h.stored_bytes(webp.file.name))).mode == "RGBA"

    def test_small_image_gets_only_its_modern_copies_and_animation_none(self, upload):
        assert made(upload(h.image_bytes("JPEG", (300, 200)))) == {(300, f) for f in MODERN}
        assert made(upload(h.animated_gif(), "dance.gif")) == set()

    def test_sound_and_pdf_get_none(self, upload):
        assert made(upload(h.MP3, "song.mp3")) == made(upload(h.PDF, "doc.pdf")) == set()

    def test_running_again_makes_nothing_new(self, upload, settings):
        media = upload(h.image_bytes("JPEG", (800, 600)))
        files = sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())
        assert create_renditions(media=media) == 0
        assert make_renditions.call(media_id=media.pk) == 0
        assert sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()) == files

    def test_missing_renditions_are_made_again(self, upload):
        media = upload(h.image_bytes("JPEG", (800, 600)))
        media.renditions.filter(width=640).delete()
        assert create_renditions(media=media) == len(MODERN) + 1

    def test_task_for_a_deleted_file_does_nothing(self):
        assert make_renditions.call(media_id=987654) == 0
