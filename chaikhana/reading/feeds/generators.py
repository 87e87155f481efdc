"""The XML writers behind every feed: RSS 2.0 and Atom 1.0 as Django writes them, plus
per-entry languages, Atom's <content>, and text made safe for XML 1.0."""

from __future__ import annotations

import re
from typing import Any

from django.utils import feedgenerator

DC_NS = "http://purl.org/dc/elements/1.1/"
# XML 1.0 §2.2 forbids these characters outright; Django's writer raises on them (a 500),
# and a title pasted from a word processor or an old import can carry one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: Any) -> Any:
    """*value* without the characters XML 1.0 cannot carry (lists of strings too)."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list | tuple):
        return [xml_safe(part) for part in value]
    return value


class _XmlSafe(feedgenerator.SyndicationFeed):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{key: xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*args, **{key: xml_safe(value) for key, value in kwargs.items()})


class RssFeed(_XmlSafe, feedgenerator.Rss201rev2Feed):
    """RSS 2.0 has no per-item language; Dublin Core's dc:language is what readers know.

    Django already writes <atom:link rel="self"> (the W3C validator's advice for RSS).
    """

    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:dc": DC_NS, "xml:lang": self.feed["language"]}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])


class AtomFeed(_XmlSafe, feedgenerator.Atom1Feed):
    """Atom with each entry's own xml:lang and, when the blog wants it, the whole post."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        return {"xml:lang": item["language"]}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
