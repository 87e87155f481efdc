"""Names: a safe display name from whatever the browser sent, and a random stored name."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import datetime

from chaikhana.media.conf import ORIGINAL_NAME_CHARS

_SPACES = re.compile(r"\s+")


def display_name(raw: str, ext: str) -> str:
    """The file's own name for people to recognise, with the extension its content earns.

    Only the last path part survives (``../../etc/passwd`` → ``passwd``); control
    characters, NUL and bidi overrides go; Cyrillic and other letters stay.
    """
    base = re.split(r"[\\/]", raw or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = _SPACES.sub(" ", base).strip(" .")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem.strip(" .")[: ORIGINAL_NAME_CHARS - len(ext) - 1] or "file"
    return f"{stem}.{ext}"


def stored_name(blog_id: int, ext: str, now: datetime) -> str:
    """``blogs/<blog>/<yyyy>/<mm>/<random>.<ext>``: nothing of the person's file name.

    Random names also mean two uploads of ``photo.jpg`` never overwrite each other, and a
    stored file can be cached forever because its name never changes meaning.
    """
    return f"blogs/{blog_id}/{now:%Y}/{now:%m}/{secrets.token_hex(10)}.{ext}"


def rendition_name(original: str, width: int, ext: str) -> str:
    """A rendition's name beside its original's: ``<random>-640.webp``."""
    stem = original.rsplit(".", 1)[0]
    return f"{stem}-{width}.{ext}"
