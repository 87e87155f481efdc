"""WordPress's ``wpautop()`` and ``shortcode_unautop()``, ported line for line.

Classic-editor posts are stored without paragraphs: WordPress adds them on display
(wp-includes/formatting.php, ``wpautop``). An import must do the same once, or every old post
becomes one paragraph. The order of the replacements is WordPress's own; each step below
names the PHP it reproduces. Posts made with the block editor (``<!-- wp:``) are left alone,
as ``do_blocks()`` removes the wpautop filter for them.
"""

from __future__ import annotations

import re

ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article"
    r"|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
# get_html_split_regex(): comments, CDATA and tags, where newlines must not become <br />.
_HTML_PIECE = re.compile(r"(<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<[^>]*>?)", re.DOTALL)
_PRESERVE = re.compile(r"<(script|style|svg|math).*?</\1>", re.DOTALL)


def _sub(pattern: str, repl: str, text: str, flags: int = 0) -> str:
    return re.sub(pattern, repl, text, flags=flags)


def _hide_pre(text: str) -> tuple[str, dict[str, str]]:
    """Swap each <pre>…</pre> for a placeholder: no paragraphs or breaks inside."""
    pre_tags: dict[str, str] = {}
    if "<pre" not in text:
        return text, pre_tags
    parts = text.split("</pre>")
    last = parts.pop()
    out = []
    for part in parts:
        start = part.find("<pre")
        if start == -1:
            out.append(part)
            continue
        name = f"<pre wp-pre-tag-{len(pre_tags)}></pre>"
        pre_tags[name] = part[start:] + "</pre>"
        out.append(part[:start] + name)
    return "".join(out) + last, pre_tags


def _newlines_in_tags(text: str) -> str:
    """wp_replace_in_html_tags( $text, array( "\\n" => ' <!-- wpnl --> ' ) )."""
    pieces = _HTML_PIECE.split(text)
    for i in range(1, len(pieces), 2):
        pieces[i] = pieces[i].replace("\n", " <!-- wpnl --> ")
    return "".join(pieces)


def _tidy_media(text: str) -> str:
    if "<option" in text:
        text = _sub(r"\s*<option", "<option", text)
        text = _sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = _sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = _sub(r"\s*</object>", "</object>", text)
        text = _sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = _sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = _sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = _sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = _sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = _sub(r"</figcaption>\s*", "</figcaption>", text)
    return text


def _paragraphs(text: str) -> str:
    text = _sub(r"\n\n+", "\n\n", text)
    pieces = [p for p in re.split(r"\n\s*\n", text) if p]  # PREG_SPLIT_NO_EMPTY
    text = "".join("<p>" + p.strip("\n") + "</p>\n" for p in pieces)
    text = _sub(r"<p>\s*</p>", "", text)
    text = _sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = _sub(r"<p>\s*(</?" + ALLBLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = _sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = _sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = _sub(r"<p>\s*(</?" + ALLBLOCKS + r"[^>]*>)", r"\1", text)
    return _sub(r"(</?" + ALLBLOCKS + r"[^>]*>)\s*</p>", r"\1", text)


def _line_breaks(text: str) -> str:
    text = _PRESERVE.sub(lambda m: m.group(0).replace("\n", "<WPPreserveNewline />"), text)
    text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
    text = _sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    return text.replace("<WPPreserveNewline />", "\n")


def wpautop(text: str, br: bool = True) -> str:
    """Double line breaks → paragraphs, single ones → <br />, as WordPress displays them."""
    if text.strip() == "":
        return ""
    text, pre_tags = _hide_pre(text + "\n")
    text = _sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = _sub(r"(<" + ALLBLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = _sub(r"(</" + ALLBLOCKS + r">)", r"\1\n\n", text)
    text = _sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _newlines_in_tags(text)
    text = _tidy_media(text)
    text = _paragraphs(text)
    if br:
        text = _line_breaks(text)
    text = _sub(r"(</?" + ALLBLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = _sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = _sub(r"\n</p>$", "</p>", text)
    for name, pre in pre_tags.items():
        text = text.replace(name, pre)
    if "<!-- wpnl -->" in text:
        text = text.replace(" <!-- wpnl --> ", "\n").replace("<!-- wpnl -->", "\n")
    return text


def shortcode_unautop(text: str, names: list[str]) -> str:
    """Unwrap a shortcode that stood alone on its line (``shortcode_unautop()``)."""
    if not names:
        return text
    tags = "|".join(re.escape(n) for n in names)
    pattern = (
        r"<p>\s*"  # the opening paragraph, and spaces
        r"(\[(" + tags + r")(?![\w-])[^\]/]*(?:/(?!\])[^\]/]*)*?"  # the opening shortcode
        r"(?:/\]|\](?:[^\[]*(?:\[(?!/\2\])[^\[]*)*\[/\2\])?))"  # self-closed or closed
        r"\s*(?:<br\s*/?>\s*)?</p>"  # an optional <br />, then the closing paragraph
    )
    return re.sub(pattern, r"\1", text)
