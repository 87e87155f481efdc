"""Find where a page wants to be told about links to it: Webmention first, then Pingback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from chaikhana.core.safehttp import SafeResponse

HTML_TYPES = {"text/html", "application/xhtml+xml"}
# RFC 8288 §3: link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param ), and a
# link-param's value is a token or a quoted string (which may hold "," and ";").
_NAME = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_VALUE = r'"(?:[^"\\]|\\.)*"|[^;,\s]*'
_PARAM = re.compile(rf"\s*;\s*(?P<key>{_NAME}\*?)\s*(?:=\s*(?P<value>{_VALUE}))?")
_LINK = re.compile(rf"<(?P<url>[^>]*)>(?P<params>(?:\s*;\s*{_NAME}\*?\s*(?:=\s*(?:{_VALUE}))?)*)")


@dataclass(frozen=True)
class Endpoint:
    protocol: str  # "webmention" or "pingback"
    url: str


def discover(response: SafeResponse) -> Endpoint | None:
    """The target page's Webmention endpoint, else its Pingback server, else None."""
    webmention = webmention_endpoint(response)
    if webmention:
        return Endpoint("webmention", webmention)
    pingback = pingback_server(response)
    return Endpoint("pingback", pingback) if pingback else None


def webmention_endpoint(response: SafeResponse) -> str | None:
    """Webmention §3.1.2, exactly.

    "The sender MUST fetch the target URL … and check for an HTTP Link header with a rel
    value of webmention. If the content type of the document is HTML, then the sender MUST
    look for an HTML <link> and <a> element with a rel value of webmention. If more than one
    of these is present, the first HTTP Link header takes precedence, followed by the first
    <link> or <a> element in document order." Relative URLs resolve against the final URL
    after redirects; an empty href is the page itself; the query string is kept.
    """
    for header in response.header_values("link"):  # header names match in any case (test 7)
        for url, rels in link_header(header):
            if "webmention" in rels:
                return urljoin(response.url, url)
    if response.content_type not in HTML_TYPES:
        return None
    soup = BeautifulSoup(response.body, "html.parser", from_encoding=response.encoding)
    for element in soup.find_all(["link", "a"]):  # document order; comments are not elements
        href = element.get("href")
        if href is not None and "webmention" in _rels(element.get("rel")):
            return urljoin(response.url, str(href).strip())
    return None


def link_header(value: str) -> Iterator[tuple[str, list[str]]]:
    """(URL, rel values lower-cased) of each link in one Link header, in order (RFC 8288)."""
    for link in _LINK.finditer(value):
        rel = ""
        for param in _PARAM.finditer(link["params"]):
            if param["key"].lower() == "rel":
                rel = (param["value"] or "").strip('"')
                break  # §3.3: only the first rel of a link counts
        yield link["url"].strip(), rel.lower().split()


def pingback_server(response: SafeResponse) -> str | None:
    """Pingback 1.0 "Autodiscovery": the X-Pingback header, else <link rel="pingback">."""
    header = response.headers.get("x-pingback", "").strip()
    if header:
        return urljoin(response.url, header)
    if response.content_type not in HTML_TYPES:
        return None
    soup = BeautifulSoup(response.body, "html.parser", from_encoding=response.encoding)
    for element in soup.find_all("link", href=True):
        if "pingback" in _rels(element.get("rel")):
            return urljoin(response.url, str(element["href"]).strip())
    return None


def _rels(value: object) -> list[str]:
    """rel values split by whitespace, lower-cased (bs4 gives a list for rel)."""
    if isinstance(value, list):
        return [str(v).lower() for v in value]
    return str(value or "").lower().split()
