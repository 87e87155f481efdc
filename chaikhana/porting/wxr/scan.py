"""The first pass over a WXR file: check it all parses, and gather what items refer to.

Reading the whole file once before writing anything means a truncated or hostile file is
refused with nothing imported. What is kept is small whatever the file's size: the channel
(authors, terms), each attachment's address and caption, counts, the date offset, and a
sample of text for guessing the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from chaikhana.porting.wxr.content import Attachment, Attachments
from chaikhana.porting.wxr.dates import OffsetLearner
from chaikhana.porting.wxr.parser import read_wxr
from chaikhana.porting.wxr.records import Author, Item, Site, Term

POST_TYPES = {"post", "page"}
SAMPLE_CHARS = 20_000


@dataclass
class Scan:
    site: Site = field(default_factory=Site)
    authors: list[Author] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    attachments: Attachments = field(default_factory=Attachments)
    items: int = 0  # every <item>
    posts: int = 0  # posts and pages: what the progress bar counts
    offset: OffsetLearner = field(default_factory=OffsetLearner)
    sample: list[str] = field(default_factory=list)
    sample_size: int = 0


def scan(source: str | IO[bytes]) -> Scan:
    """Read the whole file once; raises WxrError if any of it is unreadable."""
    result = Scan()
    for record in read_wxr(source):
        if isinstance(record, Item):
            _take_item(result, record)
        elif isinstance(record, Author):
            result.authors.append(record)
        elif isinstance(record, Term):
            result.terms.append(record)
        elif isinstance(record, Site):
            result.site = record
    return result


def _take_item(result: Scan, item: Item) -> None:
    result.items += 1
    result.offset.add(item.post_date, item.post_date_gmt)
    if item.post_type == "attachment" and item.wp_id is not None:
        result.attachments.add(
            Attachment(
                wp_id=item.wp_id,
                parent=item.post_parent,
                url=(item.attachment_url or item.guid).strip(),
                title=item.title,
                caption=item.excerpt.strip(),
                alt=item.meta.get("_wp_attachment_image_alt", "").strip(),
            )
        )
    elif item.post_type in POST_TYPES:
        result.posts += 1
        if result.sample_size < SAMPLE_CHARS:
            result.sample.append(item.title + " " + item.content[:2000])
            result.sample_size += len(result.sample[-1])
