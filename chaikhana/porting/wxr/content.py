"""A WordPress post's stored text → the HTML we store: the_content's filters, once.

WordPress runs, in order (default-filters.php): wpautop (priority 10), shortcode_unautop (10),
do_shortcode (11). We do the same, with two shortcodes built in — ``[caption]`` (→ <figure>
and <figcaption>, as img_caption_shortcode() does with HTML5 support) and ``[gallery]``
(→ a list of the post's attached images, gallery_shortcode()'s choice of images). Every other
shortcode stays as text and is named in the report. The result then goes through our nh3
sanitiser when the post is saved (body_format="html").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from chaikhana.porting.wxr.wpautop import shortcode_unautop, wpautop

BUILT_IN = ["caption", "wp_caption", "gallery"]
_SHORTCODE_NAME = re.compile(r"\[([A-Za-z][\w-]*)(?=[\s\]/])[^\]\[]*\]")
# shortcode_parse_atts(): name="value", name='value', name=value, or a bare value.
_ATTR = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)"""
)
_CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.DOTALL)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]")
# img_caption_shortcode(): the caption is what follows the (linked) image.
_IMAGE_THEN_TEXT = re.compile(r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.DOTALL | re.I)
_UPLOAD_URL = re.compile(r"""https?://[^\s"'<>]+/wp-content/uploads/[^\s"'<>]+""")
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")


@dataclass(kw_only=True)
class Attachment:
    wp_id: int
    parent: int
    url: str
    title: str = ""
    caption: str = ""
    alt: str = ""
    new_url: str = ""

    @property
    def is_image(self) -> bool:
        return self.url.lower().split("?")[0].endswith(IMAGE_EXTENSIONS)

    @property
    def src(self) -> str:
        return self.new_url or self.url


@dataclass
class Attachments:
    """Every attachment of the export, by id and by the post it belongs to."""

    by_id: dict[int, Attachment] = field(default_factory=dict)
    by_parent: dict[int, list[Attachment]] = field(default_factory=dict)
    by_url: dict[str, Attachment] = field(default_factory=dict)

    def add(self, attachment: Attachment) -> None:
        self.by_id[attachment.wp_id] = attachment
        self.by_parent.setdefault(attachment.parent, []).append(attachment)
        self.by_url[attachment.url] = attachment


@dataclass
class Converted:
    html: str
    unsupported: set[str]


def parse_atts(text: str) -> dict[str, str]:
    atts: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        groups = match.groups()
        for i in (0, 2, 4):
            if groups[i]:
                atts[groups[i].lower()] = groups[i + 1]
    return atts


def convert(content: str, *, post_id: int | None, attachments: Attachments) -> Converted:
    """The HTML WordPress would show for *content*, and the shortcodes we left as text."""
    names = {m.group(1).lower() for m in _SHORTCODE_NAME.finditer(content)}
    html = content
    if "<!-- wp:" not in content:  # do_blocks() switches wpautop off for block posts
        html = shortcode_unautop(wpautop(content), BUILT_IN)
    html = _CAPTION.sub(lambda m: _caption(m.group(1), m.group(2)), html)
    html = _GALLERY.sub(lambda m: _gallery(m.group(1), post_id, attachments), html)
    html = _UPLOAD_URL.sub(lambda m: _local_url(m.group(0), attachments), html)
    return Converted(html=html, unsupported=names - set(BUILT_IN))


def _caption(raw_atts: str, inner: str) -> str:
    atts = parse_atts(raw_atts)
    caption = atts.get("caption", "")
    if not caption:
        match = _IMAGE_THEN_TEXT.match(inner.strip())
        if match:
            inner, caption = match.group(1), match.group(2).strip()
    figure_id = f' id="{escape(atts["id"])}"' if atts.get("id") else ""
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure{figure_id} class="wp-caption">{inner.strip()}{caption_html}</figure>'


def _gallery(raw_atts: str, post_id: int | None, attachments: Attachments) -> str:
    atts = parse_atts(raw_atts)
    ids = atts.get("ids") or atts.get("include") or ""
    if ids:
        chosen = [attachments.by_id.get(int(i)) for i in re.findall(r"\d+", ids)]
        images = [a for a in chosen if a is not None and a.is_image]
    else:
        exclude = {int(i) for i in re.findall(r"\d+", atts.get("exclude", ""))}
        parent = int(atts["id"]) if atts.get("id", "").isdigit() else post_id
        siblings = attachments.by_parent.get(parent or -1, [])
        images = [a for a in siblings if a.is_image and a.wp_id not in exclude]
    if not images:
        return ""
    items = "".join(_gallery_item(a) for a in images)
    return f'<ul class="gallery">{items}</ul>'


def _gallery_item(image: Attachment) -> str:
    caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
    alt = escape(image.alt or image.title)
    return f'<li><figure><img src="{escape(image.src)}" alt="{alt}">{caption}</figure></li>'


def _local_url(url: str, attachments: Attachments) -> str:
    """A link to an uploaded file (or one of its resized copies) → our copy, when we have it."""
    found = attachments.by_url.get(url) or attachments.by_url.get(_SIZE_SUFFIX.sub("", url))
    return found.new_url if found is not None and found.new_url else url


_COMMENT_TAGS = [
    (re.compile(r"<a\s[^>]*href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S), r"[\2](\1)"),
    (re.compile(r"</?(?:strong|b)>", re.I), "**"),
    (re.compile(r"</?(?:em|i)>", re.I), "*"),
    (re.compile(r"</?code>", re.I), "`"),
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(r"</?p[^>]*>", re.I), "\n\n"),
]


def comment_source(content: str) -> str:
    """A WordPress comment's HTML as our comments' Markdown-lite (links, emphasis, quotes)."""
    from html import unescape

    text = content
    for pattern, repl in _COMMENT_TAGS:
        text = pattern.sub(repl, text)
    text = re.sub(
        r"<blockquote[^>]*>(.*?)</blockquote>",
        lambda m: (
            "\n\n" + "\n".join("> " + line for line in m.group(1).strip().splitlines()) + "\n\n"
        ),
        text,
        flags=re.I | re.S,
    )
    text = unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
