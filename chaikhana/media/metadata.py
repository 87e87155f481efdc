"""Hidden details taken out of sound files and PDFs before they are stored.

A PDF names its author and the software and dates that made it (the /Info dictionary and
the XMP packet); an MP3 carries ID3 and APE tags; an Ogg file its comments; a phone's M4A
its tags, the place it was recorded (the ``©xyz`` atom) and when (the movie's dates).
Photos are re-encoded from their pixels instead (``images.py``). A file we cannot read
cannot be cleaned, so it is refused with the reason rather than stored as it came.
"""

from __future__ import annotations

import tempfile
from typing import IO, Any, BinaryIO, cast

import mutagen
import pikepdf
from django.core.files import File
from django.utils.translation import gettext as _
from mutagen import apev2, id3
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, Atoms
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggspeex import OggSpeex
from mutagen.oggvorbis import OggVorbis

from chaikhana.core.errors import ActionError
from chaikhana.media import sniff

# MP4 atoms that hold nothing but description: user data (tags, ©xyz location, XMP),
# metadata boxes, vendor "uuid" boxes (XMP) and padding that may hold an old tag's bytes.
_MP4_METADATA = {b"udta", b"meta", b"uuid", b"free", b"skip"}
# Headers that date the recording: creation and modification times, seconds since 1904.
_MP4_DATED = {b"mvhd", b"tkhd", b"mdhd"}
_OGG_KINDS = [OggVorbis, OggOpus, OggFLAC, OggSpeex]
_CHUNK = 64 * 1024


def _refuse_sound() -> ActionError:
    return ActionError(
        _(
            "This sound file cannot be read, so the details hidden in it (artist, comments, "
            "the place it was recorded) cannot be removed. Export it again and upload that."
        ),
        field="file",
    )


def _copy(uploaded: File) -> IO[bytes]:
    work = tempfile.TemporaryFile()  # noqa: SIM115 (outlives this call: storage reads it)
    for chunk in uploaded.chunks():
        work.write(chunk)
    work.seek(0)
    return work


def _clean_mp3(work: IO[bytes]) -> None:
    MP3(work)  # refuses what is not MPEG audio
    work.seek(0)
    id3.delete(work, delete_v1=True, delete_v2=True)
    work.seek(0)
    apev2.delete(work)
    work.seek(0)
    if MP3(work).tags is not None:  # a second ID3 tag behind the first
        raise _refuse_sound()


def _clean_ogg(work: IO[bytes]) -> None:
    audio = mutagen.File(work, options=_OGG_KINDS)
    if audio is None:
        raise _refuse_sound()
    work.seek(0)
    audio.delete(work)  # the encoder's vendor string stays: the format requires it


def _blank(work: IO[bytes], atom: Any) -> None:
    """Turn *atom* into padding of the same size: no offset elsewhere in the file moves."""
    work.seek(atom.offset + 4)
    work.write(b"free")
    start = atom.offset + atom.length - atom.datalength
    work.seek(start)
    left = atom.datalength
    while left > 0:
        work.write(b"\x00" * min(left, _CHUNK))
        left -= _CHUNK


def _undate(work: IO[bytes], atom: Any) -> None:
    """Zero the creation and modification times (version 0: 4 bytes each; version 1: 8)."""
    start = atom.offset + atom.length - atom.datalength
    work.seek(start)
    version = work.read(1)
    work.seek(start + 4)
    work.write(b"\x00" * (16 if version == b"\x01" else 8))


def _blank_metadata(work: IO[bytes], atoms: list[Any]) -> None:
    for atom in atoms:
        if atom.name in _MP4_METADATA:
            _blank(work, atom)
        elif atom.name in _MP4_DATED:
            _undate(work, atom)
        elif atom.children:
            _blank_metadata(work, atom.children)


def _clean_m4a(work: IO[bytes]) -> None:
    MP4(work)  # refuses what has no playable movie box
    work.seek(0)
    _blank_metadata(work, Atoms(work).atoms)
    work.seek(0)
    if MP4(work).tags:
        raise _refuse_sound()


def _clean_pdf(work: IO[bytes]) -> IO[bytes]:
    try:
        pdf = pikepdf.open(cast(BinaryIO, work))
    except pikepdf.PasswordError as err:
        raise ActionError(
            _(
                "This PDF is locked with a password, so the details hidden in it (author, "
                "software, dates) cannot be removed. Save it without a password and upload that."
            ),
            field="file",
        ) from err
    except pikepdf.PdfError as err:
        raise ActionError(
            _(
                "This PDF is damaged and cannot be read, so the details hidden in it (author, "
                "software, dates) cannot be removed. Save it again and upload that."
            ),
            field="file",
        ) from err
    with pdf:
        for key in ("/Info", "/ID"):  # /ID fingerprints the writer's own copy of the file
            if key in pdf.trailer:
                del pdf.trailer[key]
        for obj in pdf.objects:  # XMP on the document, its pages and its pictures
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                for key in ("/Metadata", "/PieceInfo"):
                    if key in obj:
                        del obj[key]
        out = tempfile.TemporaryFile()  # noqa: SIM115 (outlives this call: storage reads it)
        pdf.save(out, encryption=False)
    return out


def strip_metadata(uploaded: File, kind: sniff.FileType) -> tuple[File, int]:
    """A copy of *uploaded* (a sound file or PDF) without its metadata, and its size."""
    work = _copy(uploaded)
    if kind == sniff.PDF:
        work = _clean_pdf(work)
    else:
        clean = {sniff.MP3: _clean_mp3, sniff.OGG: _clean_ogg, sniff.M4A: _clean_m4a}[kind]
        try:
            clean(work)
        except (mutagen.MutagenError, ValueError, EOFError) as err:
            raise _refuse_sound() from err
    size = work.seek(0, 2)
    work.seek(0)
    return File(work), size
