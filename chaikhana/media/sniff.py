"""What a file really is, from its first bytes: never from its name or the browser's word."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from chaikhana.core.errors import ActionError

HEAD_BYTES = 64


@dataclass(frozen=True)
class FileType:
    kind: str  # MediaFile.Kind value
    content_type: str
    ext: str
    pillow_format: str | None = None  # images only: the decoder Pillow must use


JPEG = FileType("image", "image/jpeg", "jpg", "JPEG")
PNG = FileType("image", "image/png", "png", "PNG")
GIF = FileType("image", "image/gif", "gif", "GIF")
WEBP = FileType("image", "image/webp", "webp", "WEBP")
AVIF = FileType("image", "image/avif", "avif", "AVIF")
MP3 = FileType("audio", "audio/mpeg", "mp3")
OGG = FileType("audio", "audio/ogg", "ogg")
M4A = FileType("audio", "audio/mp4", "m4a")
PDF = FileType("pdf", "application/pdf", "pdf")

# ISO base media brands (the bytes after "ftyp"): AVIF images and M4A audio. Video brands
# (isom, mp41, …) are not on the list: video is not accepted.
_FTYP_BRANDS = {b"avif": AVIF, b"avis": AVIF, b"M4A ": M4A, b"M4B ": M4A}


def _is_mp3_frame(head: bytes) -> bool:
    # MPEG audio frame sync: 11 set bits, then a version and layer III (bits 01).
    return len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06 == 0x02


def _looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--"))


def sniff(head: bytes) -> FileType:
    """The type of a file that starts with *head*; ActionError for anything not accepted."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in _FTYP_BRANDS:
        return _FTYP_BRANDS[head[8:12]]
    if head.startswith(b"ID3") or _is_mp3_frame(head):
        return MP3
    if head.startswith(b"OggS"):
        return OGG
    if head.startswith(b"%PDF-"):
        return PDF
    if _looks_like_svg(head):
        raise ActionError(
            _(
                "SVG drawings cannot be uploaded: they can carry scripts. "
                "Export the drawing as PNG and upload that."
            ),
            field="file",
        )
    raise ActionError(
        _(
            "This kind of file cannot be uploaded. Photos (JPEG, PNG, WebP, GIF, AVIF), "
            "sound (MP3, Ogg, M4A) and PDF documents can."
        ),
        field="file",
    )
