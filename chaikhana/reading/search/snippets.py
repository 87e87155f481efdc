"""Highlighted titles and snippets, cut from a post's plain text in Python.

Both backends highlight the same way: a word is marked when its stem, in the post's
language, is one of the query's stems. (PostgreSQL's ts_headline could not mark Kyrgyz,
which is indexed pre-stemmed, and FTS5's highlight() would mark the stems it stores.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from chaikhana.reading.search.analysis import composed, normalize, stemmer_for, words

SNIPPET_CHARS = 240
CONTEXT_BEFORE = 60
# Snippets look for a match this far into a long text: stemming a whole 300,000-character
# post for each result would make a page slow; the title or the opening is shown instead.
SCAN_CHARS = 20_000


def _is_match(stem: Callable[[str], str], stems: frozenset[str], word: str) -> bool:
    return stem(normalize(word)) in stems


def _marked(text: str, start: int, end: int, matches: Iterable[tuple[int, int]]) -> str:
    parts, cursor = [], start
    for begin, finish in matches:
        parts += [escape(text[cursor:begin]), "<mark>", escape(text[begin:finish]), "</mark>"]
        cursor = finish
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def highlight(text: str, language: str, stems: frozenset[str]) -> SafeString:
    """All of *text* (a title), escaped, with matching words in <mark>."""
    text, stem = composed(text), stemmer_for(language)
    spans = [m.span() for m in words(text) if _is_match(stem, stems, m.group())]
    return mark_safe(_marked(text, 0, len(text), spans))  # escaped in _marked


def _window(text: str, first_match: int) -> tuple[int, int]:
    """About SNIPPET_CHARS around the first match, cut at spaces."""
    start = max(0, first_match - CONTEXT_BEFORE)
    if start > 0:
        space = text.find(" ", start, first_match)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", max(first_match, start), end)
        end = space if space > start else end
    return start, end


def snippet(text: str, language: str, stems: frozenset[str]) -> SafeString:
    """A short passage of *text* around its first matching word, with matches in <mark>."""
    text, stem = composed(text), stemmer_for(language)
    scanned = text[:SCAN_CHARS]
    first = next((m for m in words(scanned) if _is_match(stem, stems, m.group())), None)
    start, end = _window(text, first.start() if first else 0)
    spans = [
        (start + m.start(), start + m.end())
        for m in words(text[start:end])
        if _is_match(stem, stems, m.group())
    ]
    html = _marked(text, start, end, spans)
    before, after = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    return mark_safe(f"{before}{html}{after}")  # escaped in _marked
