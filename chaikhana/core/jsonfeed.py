"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a Django feed writer, beside RSS
and Atom: any syndication ``Feed`` becomes a JSON Feed by setting ``feed_type = JsonFeed``.

An item's ``content`` (extra kwarg, HTML) becomes ``content_html`` and its description the
plain ``summary``; without ``content`` the description is the item's HTML. Authors carry only
the name the feed gives (a pen name), never an address.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import IO, Any

from django.utils import feedgenerator

VERSION = "https://jsonfeed.org/version/1.1"


def _date(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _item(item: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": item["unique_id"] or item["link"], "url": item["link"]}
    entry["title"] = item["title"]
    if item.get("content"):
        entry["content_html"] = item["content"]
        entry["summary"] = item["description"]
    else:
        entry["content_html"] = item["description"]
    optional = {
        "date_published": _date(item.get("pubdate")),
        "date_modified": _date(item.get("updateddate")),
        "authors": [{"name": item["author_name"]}] if item.get("author_name") else None,
        "tags": list(item.get("categories") or []) or None,
        "language": item.get("language"),
        "attachments": [
            {"url": e.url, "mime_type": e.mime_type, "size_in_bytes": int(e.length or 0)}
            for e in item.get("enclosures") or []
        ]
        or None,
    }
    entry.update({key: value for key, value in optional.items() if value})
    return entry


class JsonFeed(feedgenerator.SyndicationFeed):
    content_type = "application/feed+json; charset=utf-8"

    def document(self) -> dict[str, Any]:
        feed = self.feed
        doc: dict[str, Any] = {
            "version": VERSION,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed.get("feed_url") or feed["link"],
            "description": feed.get("subtitle") or feed.get("description") or "",
            "language": feed.get("language") or None,
            "authors": [{"name": feed["author_name"]}] if feed.get("author_name") else None,
            "items": [_item(item) for item in self.items],
        }
        return {key: value for key, value in doc.items() if value is not None}

    def write(self, outfile: IO[str], encoding: str) -> None:
        outfile.write(json.dumps(self.document(), ensure_ascii=False, indent=1))
