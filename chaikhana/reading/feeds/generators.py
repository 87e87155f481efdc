"""The XML writers behind every feed: RSS 2.0 and Atom 1.0 as Django writes them, plus
per-entry languages and Atom's <content>, on core.xml's writers (text made safe for XML 1.0)."""

from __future__ import annotations

from typing import Any

from chaikhana.core import xml as core_xml

DC_NS = "http://purl.org/dc/elements/1.1/"


class RssFeed(core_xml.RssFeed):
    """RSS 2.0 has no per-item language; Dublin Core's dc:language is what readers know.

    Django already writes <atom:link rel="self"> (the W3C validator's advice for RSS).
    """

    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:dc": DC_NS, "xml:lang": self.feed["language"]}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])


class AtomFeed(core_xml.AtomFeed):
    """Atom with each entry's own xml:lang and, when the blog wants it, the whole post."""

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        return {"xml:lang": item["language"]}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
