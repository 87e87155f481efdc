"""A ZIM file (Kiwix, on Android and desktop) made from a mirror: the same pages, offline.

Each page of the mirror becomes an entry at its own path, so the mirror's relative links work
inside Kiwix unchanged; ``<picture>`` becomes one small ``<img>`` (the narrowest rendition at
least SMALL_WIDTH wide) and only the media those images use are packed. Feeds stay out.
Metadata per https://wiki.openzim.org/wiki/Metadata: the title, the language (ISO 639-3), a
description, a 48-px illustration; a full-text index and title suggestions for search.
"""

from __future__ import annotations

import io
import mimetypes
import posixpath
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from django.conf import settings
from libzim.writer import Creator, Hint, Item, StringProvider
from PIL import Image

from chaikhana.core import network_settings
from chaikhana.mirrors.rewrite import FORMATTER

SMALL_WIDTH = 480
# ISO 639-1 (ours) to ISO 639-3 (ZIM's Language metadata).
ISO_639_3 = {"ru": "rus", "ky": "kir", "en": "eng"}
SKIPPED = (".xml", ".minisig", ".pub")


class _Entry(Item):
    def __init__(self, path: str, title: str, mimetype: str, data: bytes, front: bool) -> None:
        super().__init__()
        self._path, self._title, self._mimetype, self._data = path, title, mimetype, data
        self._front = front

    def get_path(self) -> str:
        return self._path

    def get_title(self) -> str:
        return self._title

    def get_mimetype(self) -> str:
        return self._mimetype

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self._data)

    def get_hints(self) -> dict[Hint, int]:
        return {Hint.FRONT_ARTICLE: self._front}


def write_zim(mirror: Path, out: Path, *, name: str, title: str, language: str) -> int:
    """Pack the mirror at *mirror* (a generation folder) into *out*; the number of pages."""
    pages, used = _pages(mirror)
    temporary = out.with_name(f".{out.name}.tmp")
    temporary.unlink(missing_ok=True)
    with Creator(str(temporary)).config_indexing(True, ISO_639_3.get(language, "eng")) as zim:
        zim.set_mainpath("index.html" if (mirror / "index.html").is_file() else _first(pages))
        for path, (page_title, html) in sorted(pages.items()):
            zim.add_item(_Entry(path, page_title, "text/html", html.encode(), True))
        for path in sorted(used):
            file = mirror / path
            if file.is_file():
                mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
                zim.add_item(_Entry(path, "", mime, file.read_bytes(), False))
        _metadata(zim, mirror, name=name, title=title, language=language)
    temporary.replace(out)
    return len(pages)


def _pages(mirror: Path) -> tuple[dict[str, tuple[str, str]], set[str]]:
    pages: dict[str, tuple[str, str]] = {}
    used: set[str] = set()
    for file in mirror.rglob("*"):
        rel = file.relative_to(mirror).as_posix()
        if not file.is_file() or rel.endswith(SKIPPED) or rel.startswith("SHA256SUMS"):
            continue
        if rel.endswith(".html"):
            pages[rel] = _small_images(file.read_text(), rel, used)
        elif not rel.startswith("media/"):
            used.add(rel)  # CSS, icons: small, always packed
    return pages, used


def _small_images(html: str, rel: str, used: set[str]) -> tuple[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    for picture in soup.find_all("picture"):
        img = picture.find("img")
        if isinstance(img, Tag):
            img["src"] = _smallest(img)
            for attribute in ("srcset", "sizes"):
                del img[attribute]
            picture.replace_with(img)
    folder = posixpath.dirname(rel)
    for img in soup.find_all("img"):
        src = str(img.get("src") or "")
        if src and "://" not in src:
            used.add(posixpath.normpath(posixpath.join(folder, src)))
    title = soup.title.get_text(strip=True) if soup.title else rel
    return title, soup.decode(formatter=FORMATTER)


def _smallest(img: Tag) -> str:
    """The narrowest candidate at least SMALL_WIDTH wide (else the widest there is)."""
    candidates = []
    for item in str(img.get("srcset") or "").split(","):
        parts = item.split()
        if len(parts) == 2 and parts[1].endswith("w") and parts[1][:-1].isdigit():
            candidates.append((int(parts[1][:-1]), parts[0]))
    if not candidates:
        return str(img.get("src") or "")
    wide_enough = sorted(c for c in candidates if c[0] >= SMALL_WIDTH)
    return (wide_enough[0] if wide_enough else max(candidates))[1]


def _first(pages: dict[str, tuple[str, str]]) -> str:
    return min(pages) if pages else "index.html"


def _metadata(zim: Creator, mirror: Path, *, name: str, title: str, language: str) -> None:
    network = network_settings.network_name()
    zim.add_metadata("Name", name)
    zim.add_metadata("Title", title[:30])
    zim.add_metadata("LongDescription", title)
    zim.add_metadata("Description", f"{title} — {settings.SITE_URL}"[:80])
    zim.add_metadata("Language", ISO_639_3.get(language, "eng"))
    zim.add_metadata("Creator", network)
    zim.add_metadata("Publisher", network)
    zim.add_metadata("Date", date.today().isoformat())
    zim.add_metadata("Source", settings.SITE_URL)
    zim.add_illustration(48, _illustration(mirror))


def _illustration(mirror: Path) -> bytes:
    icons = sorted((mirror / "icons").glob("*.png")) or [mirror / "apple-touch-icon.png"]
    buffer = io.BytesIO()
    try:
        with Image.open(icons[-1]) as icon:
            icon.convert("RGBA").resize((48, 48)).save(buffer, "PNG")
    except (OSError, IndexError):
        Image.new("RGBA", (48, 48), "#8a3b12").save(buffer, "PNG")
    return buffer.getvalue()
