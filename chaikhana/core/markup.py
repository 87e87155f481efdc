"""The one pipeline that turns what people write into HTML we are willing to serve.

Markdown (CommonMark with tables, footnotes and strikethrough) and HTML from imports both end
in the same nh3 allow-list. It runs once, when content is saved; pages serve the stored result.

What is served may not send a reader's browser anywhere on its own: an image on another host
would tell that host who reads the post, when, and from where, so it becomes a link the reader
may choose to follow. Classes and ids are kept only where our own rendering needs them, so a
post cannot borrow the page's styles (a fake "message" box) or clobber its element ids.
"""

import re
from html import escape, unescape
from typing import Any
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.files.storage import default_storage
from django.http.request import validate_host
from django.utils.translation import gettext as _
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
# The classes our own rendering emits: markdown-it's footnotes and code fences, the gallery
# fence, and the WordPress and LiveJournal importers (porting/). Anything else is dropped.
ALLOWED_CLASSES = {
    "footnote-ref", "footnote-backref", "footnote-item", "footnotes", "footnotes-list",
    "footnotes-sep", "gallery", "wp-caption", "lj-user", "lj-comm", "lj-embed", "lj-poll",
}  # fmt: skip
_LANGUAGE_CLASS = re.compile(r"language-[\w+#.-]{1,40}")
# markdown-it footnotes link a reference (fnref1, fnref1:2) and its note (fn1) by id.
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?\d{1,6}(?::\d{1,6})?")
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


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        kept = [c for c in value.split() if c in ALLOWED_CLASSES or _LANGUAGE_CLASS.fullmatch(c)]
        return " ".join(kept) or None
    if attribute == "id":
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    return value


# nh3 double-quotes every attribute it keeps, so a quoted value holds no '"'.
_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\ssrc="([^"]*)"')
_ALT = re.compile(r'\salt="([^"]*)"')
_LINK = re.compile(r"<a\b[^>]*>|</a>")


def _own_hosts() -> list[str]:
    """Hosts whose images a reader's browser may load: this site's and its media storage's.

    Patterns as in ALLOWED_HOSTS ("." = with subdomains); "*" would make every host ours.
    """
    hosts = [h for h in settings.ALLOWED_HOSTS if h != "*"]
    hosts += [
        urlsplit(settings.SITE_URL).hostname or "",
        urlsplit(default_storage.url("x")).hostname or "",
    ]
    hosts += ["." + d for d in (settings.BLOG_DOMAIN, settings.ONION_HOST) if d]
    return [h for h in hosts if h]


def _is_ours(src: str, hosts: list[str]) -> bool:
    parts = urlsplit(unescape(src).strip())
    if not parts.scheme and not parts.netloc:
        return True  # a path on the site that serves the post
    return bool(parts.hostname) and validate_host(parts.hostname or "", hosts)


def _inside_link(html: str, position: int) -> bool:
    # Sanitised HTML never nests links, so the last link tag before *position* decides.
    tags = _LINK.findall(html, 0, position)
    return bool(tags) and tags[-1] != "</a>"


def remote_images_as_links(html: str) -> str:
    """Each image on another host as a link to it (its description as the text)."""
    hosts = _own_hosts()

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = (m.group(1) if (m := _SRC.search(tag)) else "").strip()
        if not src or _is_ours(src, hosts):
            return tag
        alt = m.group(1) if (m := _ALT.search(tag)) else ""
        text = _("Image: %(description)s") % {"description": alt} if alt.strip() else None
        text = text or _("Image on %(host)s") % {"host": escape(urlsplit(unescape(src)).netloc)}
        if _inside_link(html, match.start()):
            return text  # the author's own link stays the only one
        return f'<a href="{src}" rel="nofollow ugc noopener">{text}</a>'

    return _IMG.sub(replace, html)


def sanitize_html(html: str) -> str:
    """Keep only the allow-listed tags, attributes, classes and URL schemes; links get ``rel``;
    images on other hosts become links."""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow ugc",
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        strip_comments=True,
    )
    return remote_images_as_links(clean) if "<img" in clean else clean


def render_markdown(source: str) -> str:
    """CommonMark (+ tables, footnotes, strikethrough) to sanitised HTML."""
    return sanitize_html(_markdown.render(source))


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML, for excerpts and search."""
    # nh3 returns escaped HTML; text shown through an autoescaping template must not be.
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
