"""Text made safe for the XML we write: feeds, OPML, WXR exports, XML-RPC answers.

XML 1.0 §2.2 forbids some characters outright, even escaped or in CDATA. Django's feed writer
raises on them (a 500) and other writers emit a document no parser accepts; a name or title
pasted from a word processor or an old import can carry one.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils import feedgenerator

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: Any) -> Any:
    """*value* without the characters XML 1.0 cannot carry, in strings, lists and dicts."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return [xml_safe(part) for part in value]
    if isinstance(value, dict):
        return {key: xml_safe(part) for key, part in value.items()}
    return value


class XmlSafeFeed(feedgenerator.SyndicationFeed):
    """A feed writer that drops those characters from every field of the feed and its items."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{key: xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*args, **{key: xml_safe(value) for key, value in kwargs.items()})


class RssFeed(XmlSafeFeed, feedgenerator.Rss201rev2Feed):
    """Django's RSS 2.0, safe for any text."""


class AtomFeed(XmlSafeFeed, feedgenerator.Atom1Feed):
    """Django's Atom 1.0, safe for any text."""
