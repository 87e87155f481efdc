"""What a page tells link previews and search engines: Open Graph, Twitter card, JSON-LD.

A page's template builds one ``Share`` (through its app's template tag) and core's
``{% share_meta %}`` writes the tags: exactly one description, a canonical address, the
``og:*`` and ``twitter:*`` lines and, for articles, one JSON-LD object. Every address is
absolute on SITE_URL (``core.urls.absolute_url``): a preview fetched from the onion or a
blog's own host names the one canonical page.

Images come from apps core may not import (the media library's renditions, its generated
title cards): media registers a function here in ``AppConfig.ready()``, as with
``core.bodies``.

JSON-LD sits in ``<script type="application/ld+json">``: a data block, which browsers never
run, so ``script-src 'none'`` on post pages neither blocks nor reports it (HTML §4.12.1.1,
CSP3 §4.2.4 applies to script *execution*). Its text escapes ``<``, ``>`` and ``&`` so no
title can end the element.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from chaikhana.core.urls import absolute_url

# How much of a summary previews show; longer descriptions are cut by the platforms anyway.
DESCRIPTION_CHARS = 200
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str = ""


@dataclass(frozen=True)
class Share:
    """One page as a preview shows it. *schema* names the JSON-LD type ("" for none)."""

    title: str
    url: str
    site_name: str
    description: str = ""
    kind: str = "website"  # og:type: "article" for posts and stories
    image: ShareImage | None = None
    published: datetime | None = None
    modified: datetime | None = None
    schema: str = ""
    author: str = ""  # the public byline only, never an account
    language: str = ""
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (language, url)

    @property
    def canonical(self) -> str:
        return absolute_url(self.url)

    @property
    def published_iso(self) -> str:
        return _iso(self.published)

    @property
    def modified_iso(self) -> str:
        return _iso(self.modified)

    @property
    def short_description(self) -> str:
        text = " ".join(self.description.split())
        return text if len(text) <= DESCRIPTION_CHARS else text[: DESCRIPTION_CHARS - 1] + "…"


def _iso(moment: datetime | None) -> str:
    """ISO 8601 to the second, in UTC (what og: and schema.org both read)."""
    if moment is None:
        return ""
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def json_ld(share: Share) -> SafeString:
    """The schema.org object of an article page, as text safe inside its ``<script>``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": share.schema,
        "headline": share.title[:110],  # Google's limit for a headline
        "mainEntityOfPage": share.canonical,
        "publisher": {"@type": "Organization", "name": share.site_name},
    }
    if share.description:
        data["description"] = share.short_description
    if share.image is not None:
        data["image"] = absolute_url(share.image.url)
    if share.published is not None:
        data["datePublished"] = share.published_iso
    if share.modified is not None:
        data["dateModified"] = share.modified_iso
    if share.author:
        data["author"] = {"@type": "Person", "name": share.author}
    if share.language:
        data["inLanguage"] = share.language
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_JSON_ESCAPES))  # escaped just above


ImageFinder = Callable[[Any], ShareImage | None]
_image_finders: list[ImageFinder] = []


def register_share_image(fn: ImageFinder) -> ImageFinder:
    """Let *fn* choose a post's preview image (media does, in its ``ready()``)."""
    if fn not in _image_finders:
        _image_finders.append(fn)
    return fn


def share_image(post: Any) -> ShareImage | None:
    """The preview image of *post*: the first registered finder that has one."""
    for finder in _image_finders:
        if (image := finder(post)) is not None:
            return image
    return None
