"""Sound files and PDFs lose their tags, author and recording place at upload."""

from __future__ import annotations

import io
import struct

import pikepdf
import pytest
from django.test import Client
from django.urls import reverse
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggvorbis import OggVorbis

from chaikhana.core.errors import ActionError
from chaikhana.media.models import MediaFile
from chaikhana.media.tests import helpers as h

pytestmark = pytest.mark.django_db

NAME = b"Secret Source Name"
PLACE = "+42.8746+074.5698/"


def stored(media: MediaFile) -> bytes:
    return h.stored_bytes(media.file.name)


class PdfMetadataTests:
    def test_author_is_gone_and_the_pdf_still_opens_when_it_named_one(self, upload):
        source = h.pdf_with_author(NAME.decode())
        assert source.count(NAME) == 2  # /Info and the XMP packet: the test can fail
        media = upload(source, "report.pdf")
        data = stored(media)
        assert NAME not in data
        with pikepdf.open(io.BytesIO(data)) as pdf:
            assert len(pdf.pages) == 1
            assert "/Author" not in pdf.docinfo and "/Metadata" not in pdf.Root
        assert media.size == len(data)

    def test_pdf_is_refused_saying_why_when_it_is_damaged(self, upload):
        with pytest.raises(ActionError, match="damaged") as err:
            upload(b"%PDF-1.4\n" + b"\x00" * 200, "broken.pdf")
        assert err.value.field == "file"
        assert MediaFile.objects.count() == 0


class Mp3MetadataTests:
    def test_id3_tags_are_gone_and_the_sound_still_plays_when_it_had_them(self, upload):
        source = h.mp3_with_tags(NAME.decode(), "recorded at 42.87N 74.59E")
        assert NAME in source and source.startswith(b"ID3") and source[-128:-125] == b"TAG"
        data = stored(upload(source, "interview.mp3"))
        assert NAME not in data and b"42.87N" not in data
        assert not data.startswith(b"ID3") and data[-128:-125] != b"TAG"
        audio = MP3(io.BytesIO(data))
        assert audio.tags is None and audio.info.length == pytest.approx(0.52, abs=0.05)

    def test_sound_is_refused_saying_why_when_it_cannot_be_read(self, upload):
        with pytest.raises(ActionError, match="cannot be removed") as err:
            upload(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 400, "noise.mp3")
        assert err.value.field == "file"


class OggMetadataTests:
    def test_vorbis_comments_are_gone_when_the_file_had_them(self, upload):
        source = h.ogg_with_comment("ARTIST=" + NAME.decode())
        assert NAME in source
        data = stored(upload(source, "voice.ogg"))
        assert NAME not in data
        audio = OggVorbis(io.BytesIO(data))
        assert not audio.tags and audio.info.length == 1.0


class M4aMetadataTests:
    def test_recording_place_and_tags_are_gone_when_a_phone_wrote_them(self, upload):
        source = h.m4a_with_tags(artist=NAME.decode(), location=PLACE)
        recorded = struct.pack(">I", h.RECORDED_AT)
        assert NAME in source and PLACE.encode() in source and recorded in source
        data = stored(upload(source, "voice.m4a"))
        assert NAME not in data and PLACE.encode() not in data and b"\xa9xyz" not in data
        assert recorded not in data  # nor when
        audio = MP4(io.BytesIO(data))
        assert not audio.tags and audio.info.length == 5.0
        assert len(data) == len(source)  # blanked in place: the audio's offsets still hold


class UploadFormTests:
    def test_library_upload_form_says_what_is_removed_from_sound_and_pdf(self, blog, user):
        client = Client()
        client.force_login(user)
        html = client.get(reverse("media:library", args=[blog.name])).content.decode()
        assert "author, tags and recording place are removed from sound and PDF files" in html
