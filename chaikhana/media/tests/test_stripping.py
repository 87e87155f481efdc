"""Metadata stripped at upload, proved on real camera files (SOURCES.md in the corpus)."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db


def corpus(name: str) -> bytes:
    return (h.CORPUS / name).read_bytes()


def gps_fragments(jpeg: bytes) -> list[bytes]:
    """The GPS IFD's entry table and the latitude/longitude rationals, as raw bytes."""
    tiff = Image.open(io.BytesIO(jpeg)).info["exif"][6:]  # after "Exif\0\0"
    order = "<" if tiff[:2] == b"II" else ">"
    exif = Image.open(io.BytesIO(jpeg)).getexif()
    ifd = exif[0x8825]
    (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
    fragments = [tiff[ifd : ifd + 2 + count * 12]]
    for i in range(count):
        tag, kind, n, value = struct.unpack(
            order + "HHII", tiff[ifd + 2 + i * 12 : ifd + 14 + i * 12]
        )
        if tag in (2, 4) and kind == 5:  # GPSLatitude, GPSLongitude: three rationals
            fragments.append(tiff[value : value + 8 * n])
    return fragments


def assert_clean(stored: dict[str, bytes], forbidden: list[bytes]) -> None:
    assert stored, "nothing was stored"
    for name, data in stored.items():
        for fragment in forbidden:
            assert fragment not in data, f"{fragment[:20]!r} survived in {name}"
        image = Image.open(io.BytesIO(data))
        assert not image.getexif(), f"EXIF in {name}"
        assert not {"exif", "xmp", "icc_profile", "comment", "photoshop"} & image.info.keys()


class GpsStrippingTests:
    def test_no_byte_of_the_gps_block_remains_in_any_stored_file(self, upload):
        source = corpus("DSCN0010.jpg")
        forbidden = [*gps_fragments(source), b"NIKON", b"COOLPIX", b"Exif\x00\x00", b"WGS-84"]
        forbidden.append(b"http://ns.adobe.com/xap")  # its XMP packet
        assert all(fragment in source for fragment in forbidden)  # the test can fail
        media = upload(source, "DSCN0010.jpg")
        assert media.renditions.count() > 0  # renditions are checked too
        assert_clean(h.all_stored(media), forbidden)

    def test_photo_still_looks_like_the_photo(self, upload):
        source = corpus("DSCN0010.jpg")
        media = upload(source, "DSCN0010.jpg")
        before = Image.open(io.BytesIO(source)).convert("L").resize((8, 8))
        after = Image.open(media.file.open("rb")).convert("L").resize((8, 8))
        assert (media.width, media.height) == (640, 480)
        diff = sum(abs(a - b) for a, b in zip(before.tobytes(), after.tobytes(), strict=True))
        assert diff / 64 < 8


class MakerNoteStrippingTests:
    def test_canon_maker_notes_and_icc_profile_are_gone(self, upload):
        source = corpus("Canon_40D.jpg")
        forbidden = [b"Canon", b"EOS 40D", b"Exif\x00\x00", b"ICC_PROFILE"]
        assert all(fragment in source for fragment in forbidden)
        assert_clean(h.all_stored(upload(source, "Canon_40D.jpg")), forbidden)

    def test_damaged_exif_and_trailing_preview_are_gone(self, upload):
        # corrupted.jpg: its pixels decode in full; its EXIF (Olympus maker notes) is broken
        # and a second JPEG trails the image. Readers see the photo; nothing else is kept.
        source = corpus("corrupted.jpg")
        media = upload(source, "corrupted.jpg")
        assert (media.width, media.height) == (3648, 2736)
        assert_clean({media.file.name: h.stored_bytes(media.file.name)}, [b"OLYMPUS"])
        assert h.stored_bytes(media.file.name).count(b"\xff\xd8") == 1  # one image, no preview


class OrientationTests:
    def test_orientation_is_applied_to_the_pixels_and_the_tag_dropped(self, upload):
        source = corpus("portrait_6.jpg")
        raw = Image.open(io.BytesIO(source))
        assert raw.getexif().get(0x0112) == 6 and raw.size == (600, 450)
        media = upload(source, "portrait_6.jpg")
        stored = Image.open(media.file.open("rb"))
        assert stored.size == (450, 600) == (media.width, media.height)
        assert 0x0112 not in stored.getexif()
        for rendition in media.renditions.all():
            assert rendition.height > rendition.width


class OtherMetadataTests:
    def test_png_text_chunks_are_dropped(self, upload):
        media = upload(h.png_with_text(), "screenshot.png")
        assert_clean(h.all_stored(media), [b"Secret Source Name", b"tEXt", b"42.87N"])

    def test_jpeg_comment_is_dropped(self, upload):
        media = upload(h.jpeg_with_comment(), "photo.jpg")
        assert b"Secret Source Name" not in h.stored_bytes(media.file.name)

    def test_webp_exif_is_dropped(self, upload):
        exif = Image.open(io.BytesIO(corpus("DSCN0010.jpg"))).getexif()
        media = upload(h.image_bytes("WEBP", exif=exif.tobytes()), "photo.webp")
        assert_clean(h.all_stored(media), [b"NIKON", b"WGS-84"])
