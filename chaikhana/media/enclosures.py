"""Sound and PDFs a post links to, for feeds' enclosures (reading asks; media answers)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from chaikhana.blogs.models import Post
from chaikhana.media.models import MediaFile
from chaikhana.media.render import media_for_urls

# Sanitised bodies double-quote every attribute (nh3), so a value holds no '"'.
LINKED = re.compile(r'\b(?:href|src)="([^"]*)"')
ENCLOSED_KINDS = {MediaFile.Kind.AUDIO, MediaFile.Kind.PDF}


def enclosures_for(posts: Iterable[Post]) -> dict[int, list[MediaFile]]:
    """Each post's linked audio and PDF files, in order, in one lookup for all the posts."""
    urls = {post.pk: [html.unescape(u) for u in LINKED.findall(post.body_html)] for post in posts}
    found = media_for_urls(url for post_urls in urls.values() for url in post_urls)
    result: dict[int, list[MediaFile]] = {}
    for post_id, post_urls in urls.items():
        files = [found[u] for u in post_urls if u in found and found[u].kind in ENCLOSED_KINDS]
        result[post_id] = list(dict.fromkeys(files))  # a file linked twice is one enclosure
    return result
