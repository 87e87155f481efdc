"""A page as the mirror serves it: links relative, forms turned into links to the live site.

Relative links make the copy work from any host, any path and a ``file://`` folder, so a
directory address ``/@demo/`` becomes ``@demo/index.html`` seen from the page that links it.
What cannot work in a static copy (comments, search, every form) becomes a link back to
the live site; the web manifest (absolute by nature) is dropped.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter
from django.utils.translation import gettext as _

from chaikhana.mirrors.scope import Target, path_form

LINK_ATTRIBUTES = ("href", "src", "poster")
SRCSET = "srcset"
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
Locate = Callable[[str, str], Target | None]


class _AsWritten(HTMLFormatter):
    """Cyrillic as UTF-8 (not entities: a Russian page would double), attributes in their
    order, void elements without a slash."""

    def __init__(self) -> None:
        super().__init__(
            entity_substitution=EntitySubstitution.substitute_xml,
            void_element_close_prefix="",
            empty_attributes_are_booleans=True,
        )

    def attributes(self, tag: Tag) -> list[tuple[str, Any]]:
        return list(tag.attrs.items())


FORMATTER = _AsWritten()


@dataclass
class Page:
    html: str
    found: list[Target] = field(default_factory=list)


@dataclass(frozen=True)
class Rewriter:
    live: str  # the live site's origin, e.g. https://example.org
    locate: Locate
    public: str = ""  # where readers open this copy, when known (its feeds then lead there)

    def feed(self, data: bytes) -> bytes:
        """RSS, Atom and JSON Feed need absolute links, and a copy on a USB stick or under
        file:// has no address: their links keep naming the live site, unless the copy's own
        address is known, when every link to a page the copy holds leads into the copy."""
        if not self.public:
            return data
        pattern = re.compile(re.escape(self.live).encode() + rb"(/[^\s\"'<>&?#]*)")

        def one(match: re.Match[bytes]) -> bytes:
            target = self.locate(match[1].decode("utf-8", "replace"), "")
            if target is None or target.kind not in ("page", "feed"):
                return match[0]
            return f"{self.public}/{quote(target.file, safe='/@')}".encode()

        return pattern.sub(one, data)

    def page(self, html: str, *, at: Target) -> Page:
        soup = BeautifulSoup(html, "html.parser")
        found: list[Target] = []
        for tag in soup.find_all(True):
            self._tag(tag, at, found)
        for form in soup.find_all("form"):
            self._form(soup, form, at)
        for style in soup.find_all("style"):
            if style.string:
                style.string = self.css(str(style.string), at=at, found=found)
        return Page(soup.decode(formatter=FORMATTER), found)

    def css(self, text: str, *, at: Target, found: list[Target]) -> str:
        def one(match: re.Match[str]) -> str:
            return f"url({match[1]}{self.link(match[2], at=at, found=found)}{match[1]})"

        return CSS_URL.sub(one, text)

    def link(self, value: str, *, at: Target, found: list[Target]) -> str:
        """*value* as the mirrored page at *at* must say it."""
        value = value.strip()
        if not value or value.startswith(("#", "data:", "mailto:", "tel:")):
            return value
        parts = urlsplit(value)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return value
        if parts.netloc or parts.path.startswith("/"):
            live = urlsplit(self.live).netloc
            found_path = path_form(parts.netloc, parts.path, live=live, at=at.url)
            if found_path is None:
                return value  # another site: content, left as written
            path = found_path
        else:
            path = _join(at.url, parts.path)
        target = self.locate(path, parts.query)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if target is None:
            query = f"?{parts.query}" if parts.query else ""
            return f"{self.live}{path}{query}{fragment}"
        found.append(target)
        return relative(target.file, at.file) + fragment

    def live_url(self, at: Target) -> str:
        return f"{self.live}{at.url}"

    def _tag(self, tag: Tag, at: Target, found: list[Target]) -> None:
        if tag.name == "link" and "manifest" in (tag.get("rel") or []):
            tag.decompose()
            return
        if tag.name == "link" and "canonical" in (tag.get("rel") or []):
            return  # the live address stays the canonical one
        for name in LINK_ATTRIBUTES:
            value = tag.get(name)
            if isinstance(value, str):
                tag[name] = self.link(value, at=at, found=found)
        srcset = tag.get(SRCSET)
        if isinstance(srcset, str):
            tag[SRCSET] = ", ".join(
                " ".join([self.link(url, at=at, found=found), *rest])
                for url, *rest in (item.split() for item in srcset.split(",") if item.strip())
            )
        style = tag.get("style")
        if isinstance(style, str) and "url(" in style:
            tag["style"] = self.css(style, at=at, found=found)

    def _form(self, soup: BeautifulSoup, form: Tag, at: Target) -> None:
        action = str(form.get("action") or "")
        if "setlang" in action or "i18n/" in action:
            form.decompose()  # the copy is in one language
            return
        if str(form.get("role") or "") == "search" or "search" in action:
            text = _("Search on the live site")
            href = action if action.startswith("http") else f"{self.live}{action or at.url}"
        else:
            text = _("Comment or take part on the live site")
            href = self.live_url(at)
        replacement = soup.new_tag("p", attrs={"class": "mirror-live"})
        link = soup.new_tag("a", href=href)
        link.string = text
        replacement.append(link)
        form.replace_with(replacement)


def relative(file: str, from_file: str) -> str:
    """The path to *file* from the folder of *from_file*, both relative to the root."""
    start = posixpath.dirname(from_file) or "."
    return posixpath.relpath(file, start)


def _join(page_url: str, path: str) -> str:
    base = page_url.split("?", 1)[0]
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    joined = posixpath.normpath(folder + path)
    return joined + "/" if path.endswith("/") or path in ("", ".") else joined
