"""Small files of every accepted (and refused) kind, built in memory for the tests."""

from __future__ import annotations

import io
import struct
import zlib

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
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


MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 400
MP3_NO_TAG = b"\xff\xfb\x90\x64" + b"\x00" * 400
OGG = b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x1e\x01vorbis" + b"\x00" * 200
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x02\x00M4A mp42isom\x00\x00\x00\x08free" + b"\x00" * 100
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
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
