"""LiveJournal's own tags → plain HTML, before our sanitiser sees the text.

- ``<lj user="x">`` / ``<lj comm="x">`` → a link to x's journal with the name (LJ shows a
  head icon; we show the name). Underscores become hyphens in the host, as LJ does.
- ``<lj-cut>`` and ``<lj-cut text="…">`` → removed, the text inside stays: a post here is
  read whole on its page; the part before the first cut becomes the excerpt.
- ``<lj-embed>`` (video players, kept by LJ outside the entry) → the link when one is inside,
  else a visible note: nothing from a third-party host is loaded on our pages.
- ``<lj-poll>`` → a note (polls live only on LiveJournal); ``<lj-raw>`` → unwrapped.
- Without ``opt_preformatted`` LiveJournal turned line breaks into <br>: wpautop does the same
  (and blank lines into paragraphs, which read the same).
The result goes through the nh3 pipeline at save (body_format="html").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from django.utils.translation import gettext as _

from chaikhana.core.markup import html_to_text, sanitize_html
from chaikhana.porting.wxr.wpautop import wpautop

_USER = re.compile(
    r"""<lj\s+(?:site\s*=\s*["']?[\w.-]+["']?\s+)?(user|comm)\s*=\s*["']?([\w-]+)["']?[^>]*?/?>""",
    re.I,
)
_CUT_OPEN = re.compile(r"<lj-cut\b[^>]*>", re.I)
_CUT_CLOSE = re.compile(r"</lj-cut\s*>", re.I)
_EMBED = re.compile(r"<lj-embed\b([^>]*?)(?:/>|>(.*?)</lj-embed\s*>)", re.I | re.S)
_POLL = re.compile(r"<lj-poll\b[^>]*?(?:/>|>.*?</lj-poll\s*>)", re.I | re.S)
_RAW = re.compile(r"</?lj-raw\s*>", re.I)
_SRC = re.compile(r"""(?:src|data|value)\s*=\s*["'](https?://[^"'\s<>]+)["']""", re.I)
EXCERPT_CHARS = 1000


@dataclass
class Converted:
    html: str
    excerpt: str  # plain text before the first cut; "" without a cut
    cuts: int
    embeds: int


def journal_url(name: str, site: str) -> str:
    """The journal's address: ``x_y`` lives at ``x-y.livejournal.com``."""
    return f"https://{name.lower().replace('_', '-')}.{site}/"


def user_links(text: str, site: str) -> str:
    def link(match: re.Match[str]) -> str:
        name = match.group(2)
        url, kind = escape(journal_url(name, site)), match.group(1).lower()
        return f'<a href="{url}" class="lj-{kind}">{escape(name)}</a>'

    return _USER.sub(link, text)


def _embed(match: re.Match[str]) -> str:
    found = _SRC.search(match.group(0))
    if found:
        url = escape(found.group(1))
        note = escape(_("embedded on LiveJournal"))
        return f'<p class="lj-embed"><a href="{url}">{url}</a> ({note})</p>'
    return (
        f'<p class="lj-embed">{escape(_("[Embedded content from LiveJournal: not imported]"))}</p>'
    )


def convert(text: str, *, site: str, preformatted: bool) -> Converted:
    """An entry's text as HTML ready for our pipeline, with its excerpt."""
    text = text.replace("\r\n", "\n")
    if not preformatted:
        # wpautop keeps <pre> and tables intact, where a blind replace would not.
        text = wpautop(text)
    text, embeds = _EMBED.subn(_embed, text)
    text = _POLL.sub(
        lambda m: f'<p class="lj-poll">{escape(_("[A LiveJournal poll: not imported]"))}</p>', text
    )
    text = user_links(_RAW.sub("", text), site)
    first = _CUT_OPEN.search(text)
    excerpt = ""
    if first is not None:
        excerpt = html_to_text(sanitize_html(text[: first.start()])).strip()[:EXCERPT_CHARS]
    text, cuts = _CUT_OPEN.subn("", text)
    text = _CUT_CLOSE.sub("", text)
    return Converted(html=text.strip(), excerpt=excerpt, cuts=cuts, embeds=embeds)
