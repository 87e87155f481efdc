"""Read a fetched source page: does it link to the target, and what does it say about it?

Pure functions over a safehttp.SafeResponse: no database, no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin

import mf2py
from bs4 import BeautifulSoup, Tag
from django.utils.text import Truncator

from chaikhana.core.safehttp import SafeResponse
from chaikhana.linkbacks.conf import EXCERPT_CHARS, TITLE_CHARS
from chaikhana.linkbacks.targets import is_http_url

HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Webmention §3.2.2: "the receiver should look for properties such as href, src …".
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "img": "src",
    "video": "src",
    "audio": "src",
    "source": "src",
    "iframe": "src",
}
BLOCKS = ["p", "li", "blockquote", "dd", "td", "figcaption", "div", "article"]
RESPONSE_PROPERTIES = [("in-reply-to", "reply"), ("repost-of", "repost"), ("like-of", "like")]


@dataclass(frozen=True)
class SourceReport:
    links: bool
    type: str = "mention"
    author_name: str = ""
    author_url: str = ""
    author_photo: str = ""
    title: str = ""
    excerpt: str = ""


def same_url(a: str, b: str) -> bool:
    """Equal but for the fragment (a link to #comments still names the post)."""
    return urldefrag(a)[0] == urldefrag(b)[0]


def plain(text: str, limit: int) -> str:
    return Truncator(" ".join(str(text).split())).chars(limit)


def analyse(response: SafeResponse, target: str) -> SourceReport:
    """What *response* (the source) says about *target*."""
    if response.content_type in HTML_TYPES:
        return _analyse_html(response, target)
    if response.content_type == "text/plain":
        return SourceReport(links=target in response.text)
    return SourceReport(links=False)  # JSON and the rest: not supported (see the report)


def _analyse_html(response: SafeResponse, target: str) -> SourceReport:
    soup = BeautifulSoup(response.body, "html.parser", from_encoding=response.encoding)
    link = find_link(soup, response.url, target)
    if link is None:
        return SourceReport(links=False)
    html = response.body.decode(soup.original_encoding or "utf-8", errors="replace")
    entry = first_entry(mf2py.parse(doc=html, url=response.url, html_parser="html.parser"))
    fallback_title = soup.title.get_text() if soup.title else ""
    if entry is None:
        return SourceReport(
            links=True,
            title=plain(fallback_title, TITLE_CHARS),
            excerpt=plain(_context_of(link), EXCERPT_CHARS),
        )
    return _from_entry(entry, target, fallback_title, _context_of(link))


def find_link(soup: BeautifulSoup, base: str, target: str) -> Tag | None:
    """The first element whose link resolves to *target* (comments and text never count)."""
    for element in soup.find_all(list(LINK_ATTRIBUTES)):
        value = element.get(LINK_ATTRIBUTES[element.name])
        if (
            isinstance(value, str)
            and value.strip()
            and same_url(urljoin(base, value.strip()), target)
        ):
            return element
    return None


def _context_of(link: Tag) -> str:
    block = link.find_parent(BLOCKS)
    return (block or link).get_text(" ")


def first_entry(parsed: dict[str, Any]) -> dict[str, Any] | None:
    """The first h-entry, at the top or inside an h-feed."""
    for item in parsed.get("items", []):
        if "h-entry" in item.get("type", []):
            return item
        for child in item.get("children", []):
            if "h-entry" in child.get("type", []):
                return child
    return None


def _first(props: dict[str, Any], name: str) -> Any:
    values = props.get(name) or [""]
    return values[0]


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("value") or value.get("properties", {}).get("name", [""])[0])
    return str(value)


def _url(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("value") or _first(value.get("properties", {}), "url")
    url = str(value or "").strip()
    return url[:2000] if is_http_url(url) else ""  # never a javascript: link on our pages


def _from_entry(entry: dict[str, Any], target: str, title: str, context: str) -> SourceReport:
    props = entry.get("properties", {})
    author = _first(props, "author")
    if isinstance(author, dict):
        author_props = author.get("properties", {})
        name, url = _text(_first(author_props, "name")), _url(_first(author_props, "url"))
        photo = _url(_first(author_props, "photo"))
    else:  # a bare name or URL
        name, url, photo = (
            ("", _url(author), "") if is_http_url(str(author)) else (str(author), "", "")
        )
    content = _text(_first(props, "summary")) or _text(_first(props, "content")) or context
    name_prop = _text(_first(props, "name"))
    if name_prop and plain(name_prop, 80) != plain(content, 80):  # implied names repeat content
        title = name_prop
    return SourceReport(
        links=True,
        type=response_type(props, target),
        author_name=plain(name, 200),
        author_url=url,
        author_photo=photo,
        title=plain(title, TITLE_CHARS),
        excerpt=plain(content, EXCERPT_CHARS),
    )


def response_type(props: dict[str, Any], target: str) -> str:
    """reply / repost / like when the entry says so *of this target*; else mention."""
    for prop, kind in RESPONSE_PROPERTIES:
        if any(same_url(_url(value) or _text(value), target) for value in props.get(prop, [])):
            return kind
    return "mention"
