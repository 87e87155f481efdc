"""The one pipeline that turns what people write into HTML we are willing to serve.

Markdown (CommonMark with tables, footnotes and strikethrough) and HTML from imports both end
in the same nh3 allow-list. It runs once, when content is saved; pages serve the stored result.
"""

import re
from html import escape, unescape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"id", "lang", "dir", "title", "class"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Tables from Markdown align cells with inline style; nothing else may style itself.
ALLOWED_STYLE_PROPERTIES = {"text-align"}

_markdown = (
    MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    .enable(["table", "strikethrough"])
    .use(footnote_plugin)
)
_renderer: Any = _markdown.renderer  # RendererHTML: its rules are per-token callables
_default_fence = _renderer.rules["fence"]
# One image per line of a ```gallery fence: ![description](url), or a bare url.
_GALLERY_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)$|^(?P<bare>\S+)$")


def gallery_html(source: str) -> str:
    """A ```gallery fence as a list of figures (docs/writing.md); other lines are dropped."""
    items = []
    for line in source.splitlines():
        if not (match := _GALLERY_LINE.match(line.strip())):
            continue
        src, alt = match["src"] or match["bare"], match["alt"] or ""
        caption = f"<figcaption>{escape(alt)}</figcaption>" if alt else ""
        img = f'<img src="{escape(src)}" alt="{escape(alt)}" loading="lazy">'
        items.append(f"<li><figure>{img}{caption}</figure></li>")
    return f'<ul class="gallery">{"".join(items)}</ul>\n' if items else ""


def _fence(tokens: Any, idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    if token.info.strip() == "gallery":
        return gallery_html(token.content)
    return str(_default_fence(tokens, idx, options, env))


_renderer.rules["fence"] = _fence


def sanitize_html(html: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes; links get ``rel``."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow ugc",
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        strip_comments=True,
    )


def render_markdown(source: str) -> str:
    """CommonMark (+ tables, footnotes, strikethrough) to sanitised HTML."""
    return sanitize_html(_markdown.render(source))


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML, for excerpts and search."""
    # nh3 returns escaped HTML; text shown through an autoescaping template must not be.
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
