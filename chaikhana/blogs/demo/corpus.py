"""The shape every language's hand-written corpus has, so the generator treats them alike."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Table:
    """A small table of numbers that a civic blog would publish (fares, prices, levels)."""

    intro: str
    header: tuple[str, ...]
    rows: tuple[str, ...]
    low: int
    high: int


@dataclass(frozen=True, kw_only=True)
class Corpus:
    """Genuine sentences and name parts in one language; posts are assembled from them."""

    language: str
    sentences: tuple[str, ...]
    headings: tuple[str, ...]
    list_items: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]
    # "{link}" is replaced by a Markdown link whose text is the second element.
    link_sentences: tuple[tuple[str, str], ...]
    tables: tuple[Table, ...]
    title_heads: tuple[str, ...]
    title_places: tuple[str, ...]
    title_tails: tuple[str, ...]
    blog_titles: tuple[str, ...]  # "{place}" is replaced by a place name
    photo_blog_title: str
    taglines: tuple[str, ...]
    categories: tuple[tuple[str, tuple[str, ...]], ...]  # parent, children
    tags: tuple[str, ...]
    pen_names: tuple[str, ...]
    given_names: tuple[str, ...]
    family_names: tuple[str, ...]
    photo_captions: tuple[str, ...]
    about_title: str
    about_text: str
