"""Small files of every accepted (and refused) kind, built in memory for the tests."""

from __future__ import annotations

import io
import struct
import zlib

import pikepdf
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from mutagen.id3 import COMM, ID3, TPE1
from mutagen.mp4 import MP4
from mutagen.ogg import OggPage
from PIL import Image, PngImagePlugin

from chaikhana.core.testing.corpora import CORPORA

CORPUS = CORPORA / "photos"


def image_bytes(fmt: str, size: tuple[int, int] = (40, 30), mode: str = "RGB", **save) -> bytes:
    image = Image.new(mode, size, (200, 60, 20, 128)[: len(mode)] if mode != "L" else 128)
    out = io.BytesIO()
    image.save(out, format=fmt, **save)
    return out.getvalue()


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Secret Source Name")
    info.add_text("Comment", "taken at 42.87N 74.59E")
    return image_bytes("PNG", pnginfo=info)


def jpeg_with_comment() -> bytes:
    return image_bytes("JPEG", comment=b"Secret Source Name")


def animated_gif(frames: int = 3) -> bytes:
    images = [Image.new("RGB", (20, 20), (i * 80, 255 - i * 80, 0)) for i in range(frames)]
    out = io.BytesIO()
    images[0].save(
        out, format="GIF", save_all=True, append_images=images[1:], duration=[70, 80, 90], loop=0
    )
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int = 50_000) -> bytes:
    """A valid-looking PNG header for side × side pixels: a few hundred bytes on disk."""
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (side // 8 + 1) * 4)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")
    )


def _pdf(author: str | None = None) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    if author:
        pdf.docinfo["/Author"] = author
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["dc:creator"] = [author]
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_with_author(author: str) -> bytes:
    return _pdf(author)


# Twenty MPEG-1 layer III frames (128 kbit/s, 44.1 kHz) of silence: about half a second.
MP3_NO_TAG = (b"\xff\xfb\x90\x64" + b"\x00" * 413) * 20


def mp3_with_tags(artist: str, comment: str) -> bytes:
    out = io.BytesIO(MP3_NO_TAG)
    tags = ID3()
    tags.add(TPE1(encoding=3, text=artist))
    tags.add(COMM(encoding=3, lang="eng", desc="", text=comment))
    tags.save(out, v1=2)  # an ID3v2 tag in front and an ID3v1 tag at the end
    return out.getvalue()


def _ogg_page(packets: list[bytes], sequence: int, granule: int, **flags: bool) -> bytes:
    page = OggPage()
    page.serial, page.sequence, page.position, page.packets = 1, sequence, granule, packets
    page.first, page.last = flags.get("first", False), flags.get("last", False)
    return page.write()


def ogg_with_comment(comment: str = "") -> bytes:
    """Ogg Vorbis headers (identification, comments, setup) and one second of audio pages."""
    ident = b"\x01vorbis" + struct.pack("<IBIiiiBB", 0, 1, 44100, 0, 64000, 0, 0xB8, 1)
    entry = comment.encode()
    comments = struct.pack("<I", len(entry)) + entry if entry else b""
    header = b"\x03vorbis" + struct.pack("<I", 4) + b"test" + struct.pack("<I", int(bool(entry)))
    setup = b"\x05vorbis" + b"\x00" * 40
    return (
        _ogg_page([ident], 0, 0, first=True)
        + _ogg_page([header + comments + b"\x01", setup], 1, 0)
        + _ogg_page([b"\x00" * 50], 2, 44100, last=True)
    )


def _atom(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


RECORDED_AT = 3_846_000_000  # 2025-11-15, as an MP4 date


def m4a_with_tags(artist: str = "", location: str = "") -> bytes:
    """An M4A as a phone writes it: a movie header (5 s), the place in ©xyz, iTunes tags."""
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    mvhd = _atom(
        b"mvhd",
        b"\x00" * 4
        + struct.pack(">II", RECORDED_AT, RECORDED_AT)  # seconds since 1904
        + struct.pack(">IIIH", 1000, 5000, 0x10000, 0x100)
        + b"\x00" * 10
        + matrix
        + b"\x00" * 24
        + struct.pack(">I", 2),
    )
    udta = b""
    if location:
        place = location.encode()
        udta = _atom(b"udta", _atom(b"\xa9xyz", struct.pack(">HH", len(place), 0x15C7) + place))
    data = (
        _atom(b"ftyp", b"M4A \x00\x00\x02\x00M4A mp42isom")
        + _atom(b"moov", mvhd + udta)
        + _atom(b"mdat", b"\x00" * 64)
    )
    if not artist:
        return data
    out = io.BytesIO(data)
    audio = MP4(out)
    audio["\xa9ART"] = [artist]
    audio.save(out)
    return out.getvalue()


MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + MP3_NO_TAG
OGG = ogg_with_comment()
M4A = m4a_with_tags()
PDF = _pdf()
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
MP4_VIDEO = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 100


def upload_file(data: bytes, name: str = "file.bin", content_type: str = "") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type or "application/octet-stream")


def stored_bytes(name: str) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def all_stored(media) -> dict[str, bytes]:
    """Every stored file of *media*: its original and each rendition, by name."""
    names = [media.file.name, *(r.file.name for r in media.renditions.all())]
    return {name: stored_bytes(name) for name in names}
