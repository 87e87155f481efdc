"""Markdown-lite for comments: emphasis, links, blockquotes, code and lists; nothing else.

No headings, images, tables or raw HTML: a comment cannot shout, load a third-party image or
lay out the page. The output goes through nh3 with a smaller allow-list than posts', and
every link gets rel="nofollow ugc" (links in comments are the spammer's reason to comment).
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "li", "ol", "p", "pre", "strong", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_LINK = re.compile(r"<a\s", re.IGNORECASE)

# "zero" has no rules; enable only what comments may use. html=False: typed HTML shows as text.
RULES = [
    "emphasis", "link", "autolink", "blockquote", "backticks", "code", "fence",
    "list", "newline", "escape", "entity",
]  # fmt: skip
_markdown = MarkdownIt("zero", {"html": False, "breaks": True}).enable(RULES)


def render_comment(source: str) -> str:
    """Sanitised HTML of a comment's Markdown-lite source."""
    return nh3.clean(
        _markdown.render(source),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc",
        strip_comments=True,
    )


def count_links(html: str) -> int:
    """How many links the rendered comment carries (policy: hold link-heavy comments)."""
    return len(_LINK.findall(html))
