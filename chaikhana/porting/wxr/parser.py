"""A streaming WXR reader: defusedxml's iterparse, each element dropped once read.

Memory stays flat whatever the file's size: an <item> is turned into a dataclass at its end
tag and cleared, and removed from <channel> so the tree never grows. defusedxml refuses
entity declarations (billion laughs) and external entities and DTD fetches.

The ``wp:`` namespace differs between exports (``http://wordpress.org/export/1.0/`` … ``1.2``,
and ``https://`` in the Theme Unit Test data), so names are matched by namespace *family*.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

from chaikhana.porting.wxr.records import Author, Comment, Item, ItemTerm, Site, Term

Record = Site | Author | Term | Item
SITE_FIELDS = {
    "title": "title",
    "link": "link",
    "description": "description",
    "language": "language",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "wxr_version",
}


class WxrError(Exception):
    """The file cannot be read as a WordPress export; the message says why, for people."""


@lru_cache(maxsize=256)
def local_name(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` → ``wp:post_id``, whatever the version."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    if "wordpress.org/export/" in namespace:
        prefix = "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    elif "purl.org/rss/1.0/modules/content" in namespace:
        prefix = "content"
    elif "purl.org/dc/elements" in namespace:
        prefix = "dc"
    else:
        return local
    return f"{prefix}:{local}"


def read_wxr(source: str | IO[bytes]) -> Iterator[Record]:
    """Yield the channel's authors and terms, then a Site, then each item, as they come.

    Raises WxrError (after yielding what came before) on anything that is not a
    well-formed, safe WXR file.
    """
    try:
        yield from _records(source)
    except DefusedXmlException as error:
        raise WxrError(
            _("The file declares XML entities or a DTD, which we refuse for safety.")
        ) from error
    except ParseError as error:
        raise WxrError(
            _("The file is not well-formed XML (%(detail)s).") % {"detail": error}
        ) from error
    except OSError as error:
        raise WxrError(_("The file cannot be read (%(detail)s).") % {"detail": error}) from error


def _records(source: str | IO[bytes]) -> Iterator[Record]:
    site: Site | None = None
    path: list[Element] = []
    seen_root = False
    for event, elem in iterparse(source, events=("start", "end")):
        if event == "start":
            if not seen_root:
                seen_root = True
                if local_name(elem.tag) != "rss":
                    raise WxrError(_("This is XML but not a WordPress export (no <rss> root)."))
            path.append(elem)
            continue
        path.pop()
        if len(path) != 2 or local_name(path[1].tag) != "channel":
            continue  # only the channel's direct children are read whole
        name = local_name(elem.tag)
        if site is None:
            site = Site()
        if name == "item":
            yield from _site_once(site)
            yield parse_item(elem)
        elif name == "wp:author":
            yield parse_author(elem)
        elif name in ("wp:category", "wp:tag", "wp:term"):
            yield parse_term(name, elem)
        elif name in SITE_FIELDS:
            setattr(site, SITE_FIELDS[name], (elem.text or "").strip())
        path[1].remove(elem)  # the tree keeps nothing once read
        elem.clear()
    if site is None:
        raise WxrError(_("This is XML but not a WordPress export (no <channel>)."))
    yield from _site_once(site)


def _site_once(site: Site) -> Iterator[Site]:
    if not getattr(site, "_sent", False):
        site._sent = True  # type: ignore[attr-defined]
        yield site


def _text(elem: Element) -> str:
    return elem.text or ""


def _int(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def _children(elem: Element) -> dict[str, str]:
    return {local_name(child.tag): _text(child) for child in elem}


def parse_author(elem: Element) -> Author:
    f = _children(elem)
    return Author(
        author_id=_int(f.get("wp:author_id", "")),
        login=f.get("wp:author_login", "").strip(),
        email=f.get("wp:author_email", "").strip(),
        display_name=f.get("wp:author_display_name", "").strip(),
    )


def parse_term(name: str, elem: Element) -> Term:
    f = _children(elem)
    if name == "wp:category":
        taxonomy, slug, label, parent = (
            "category",
            "category_nicename",
            "cat_name",
            "category_parent",
        )
    elif name == "wp:tag":
        taxonomy, slug, label, parent = "post_tag", "tag_slug", "tag_name", ""
    else:
        taxonomy = f.get("wp:term_taxonomy", "").strip()
        slug, label, parent = "term_slug", "term_name", "term_parent"
    return Term(
        taxonomy=taxonomy,
        slug=f.get(f"wp:{slug}", "").strip(),
        name=f.get(f"wp:{label}", "").strip(),
        term_id=_int(f.get("wp:term_id", "")),
        parent_slug=f.get(f"wp:{parent}", "").strip() if parent else "",
        description=f.get(f"wp:{name[3:]}_description", ""),
    )


ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "pubDate": "pub_date",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_date": "post_date",
    "wp:post_date_gmt": "post_date_gmt",
    "wp:post_name": "post_name",
    "wp:status": "status",
    "wp:post_type": "post_type",
    "wp:post_password": "password",
    "wp:attachment_url": "attachment_url",
}


def parse_item(elem: Element) -> Item:
    item = Item(wp_id=None)
    for child in elem:
        name = local_name(child.tag)
        if name in ITEM_FIELDS:
            setattr(item, ITEM_FIELDS[name], _text(child))
        elif name == "wp:post_id":
            item.wp_id = _int(_text(child))
        elif name == "wp:post_parent":
            item.post_parent = _int(_text(child)) or 0
        elif name == "wp:is_sticky":
            item.is_sticky = _text(child).strip() == "1"
        elif name == "category":
            item.terms.append(_item_term(child))
        elif name == "wp:postmeta":
            meta = _children(child)
            item.meta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            item.comments.append(parse_comment(child))
    item.title, item.post_name = item.title.strip(), item.post_name.strip()
    item.status, item.post_type = item.status.strip(), item.post_type.strip() or "post"
    item.creator, item.link = item.creator.strip(), item.link.strip()
    return item


def _item_term(child: Element) -> ItemTerm:
    return ItemTerm(
        domain=child.get("domain", "category"),
        nicename=child.get("nicename", "").strip(),
        name=_text(child).strip(),
    )


def parse_comment(elem: Element) -> Comment:
    f = _children(elem)
    return Comment(
        wp_id=_int(f.get("wp:comment_id", "")) or 0,
        author=f.get("wp:comment_author", "").strip(),
        email=f.get("wp:comment_author_email", "").strip(),
        url=f.get("wp:comment_author_url", "").strip(),
        date=f.get("wp:comment_date", "").strip(),
        date_gmt=f.get("wp:comment_date_gmt", "").strip(),
        content=f.get("wp:comment_content", ""),
        approved=f.get("wp:comment_approved", "1").strip(),
        type=f.get("wp:comment_type", "").strip(),
        parent=_int(f.get("wp:comment_parent", "")) or 0,
        user_id=_int(f.get("wp:comment_user_id", "")) or 0,
    )
