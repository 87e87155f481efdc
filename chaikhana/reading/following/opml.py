"""OPML 2.0 (http://opml.org/spec2.opml): writing a reader's follows, reading a subscription list.

Files come from outside, so they are parsed with defusedxml only, with DTDs refused
outright: a subscription list never needs one, and entity bombs and external entities
live there.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import format_datetime
from xml.etree.ElementTree import Element, ParseError, SubElement, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.core.errors import ActionError
from chaikhana.core.xml import xml_safe

MAX_FILE_BYTES = 1024 * 1024
# Far more feeds than anyone reads; a larger file is a mistake or an attack, not a reader.
MAX_OUTLINES = 5_000


@dataclass(frozen=True)
class Outline:
    """One subscription: its label and its addresses as the file gives them."""

    text: str
    xml_url: str = ""
    html_url: str = ""


class OpmlError(ActionError):
    """The file cannot be read as a subscription list; nothing was imported."""


def write_opml(title: str, outlines: list[Outline]) -> bytes:
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = xml_safe(title)
    # OPML 2.0 §head: dates are RFC 822.
    SubElement(head, "dateCreated").text = format_datetime(timezone.now(), usegmt=True)
    body = SubElement(root, "body")
    for outline in outlines:
        attributes = {"text": outline.text, "title": outline.text, "type": "rss"}
        if outline.xml_url:
            attributes["xmlUrl"] = outline.xml_url
        if outline.html_url:
            attributes["htmlUrl"] = outline.html_url
        SubElement(body, "outline", xml_safe(attributes))
    return tostring(root, encoding="utf-8", xml_declaration=True)


def _parse_root(data: bytes) -> Element:
    if not data.strip():
        raise OpmlError(_("The file is empty."), field="file")
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise OpmlError(
            _(
                "This file declares a DTD or XML entities, which we do not read for safety. "
                "Export your subscriptions again from your feed reader."
            ),
            field="file",
        ) from error
    except (ParseError, ValueError) as error:
        raise OpmlError(_("This file is not well-formed XML."), field="file") from error


def read_opml(data: bytes) -> list[Outline]:
    """The outlines (at any depth) of an OPML file that carry an address; raises OpmlError."""
    root = _parse_root(data)
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise OpmlError(_("This is XML, but not an OPML subscription list."), field="file")
    outlines: list[Outline] = []
    for count, node in enumerate(body.iter("outline"), start=1):
        if count > MAX_OUTLINES:
            raise OpmlError(
                _("This file has more than %(max)d entries; we import at most %(max)d at once.")
                % {"max": MAX_OUTLINES},
                field="file",
            )
        outline = _outline(node)
        if outline.xml_url or outline.html_url:
            outlines.append(outline)
    if not outlines:
        raise OpmlError(_("This OPML file lists no feeds."), field="file")
    return outlines


def _outline(node: Element) -> Outline:
    xml_url = (node.get("xmlUrl") or "").strip()
    html_url = (node.get("htmlUrl") or "").strip()
    text = (node.get("text") or node.get("title") or xml_url or html_url).strip()
    return Outline(text=text[:200], xml_url=xml_url[:2000], html_url=html_url[:2000])
