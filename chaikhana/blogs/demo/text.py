"""Titles and Markdown bodies assembled from the hand-written corpora."""

from __future__ import annotations

import random

from chaikhana.blogs.demo import corpus_en, corpus_ky, corpus_ru
from chaikhana.blogs.demo.corpus import Corpus, Table

CORPORA: dict[str, Corpus] = {
    c.language: c for c in (corpus_ru.CORPUS, corpus_ky.CORPUS, corpus_en.CORPUS)
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def make_title(rng: random.Random, corpus: Corpus) -> str:
    """A headline such as «Ош: вода по графику» or «Council elections: a year later»."""
    head = rng.choice(corpus.title_heads)
    form = rng.random()
    if form < 0.35:
        return f"{rng.choice(corpus.title_places)}: {_lower_first(head)}"
    if form < 0.65:
        return f"{head}: {rng.choice(corpus.title_tails)}"
    if form < 0.85:
        return f"{head} ({rng.choice(corpus.title_places)})"
    return head


def target_words(rng: random.Random, corpus: Corpus) -> int:
    """Mostly 150–900 words, some short notes, a few long reads (as long as the corpus allows)."""
    kind = rng.random()
    if kind < 0.15:
        return rng.randint(40, 140)
    if kind < 0.94:
        return int(rng.triangular(150, 900, 350))
    corpus_words = sum(len(s.split()) for s in corpus.sentences)
    return rng.randint(1200, max(1300, min(2600, corpus_words)))


class _Sentences:
    """The corpus read on from a random place: its sentences are grouped by subject (water,
    buses, schools…), so consecutive ones make a paragraph that stays on one subject, and a
    post repeats none until it has gone round the whole corpus."""

    def __init__(self, rng: random.Random, corpus: Corpus) -> None:
        self._all = corpus.sentences
        self._next = rng.randrange(len(self._all))

    def take(self) -> str:
        sentence = self._all[self._next % len(self._all)]
        self._next += 1
        return sentence


def _table(rng: random.Random, table: Table) -> str:
    rows = rng.sample(table.rows, k=min(len(table.rows), rng.randint(3, 5)))
    lines = [table.intro, "", "| " + " | ".join(table.header) + " |"]
    lines.append("|" + "---|" * len(table.header))
    for label in rows:
        values = [str(rng.randint(table.low, table.high)) for _ in table.header[1:]]
        lines.append("| " + " | ".join([label, *values]) + " |")
    return "\n".join(lines)


def _paragraph(rng: random.Random, corpus: Corpus, sentences: _Sentences) -> str:
    parts = [sentences.take() for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.12:
        template, text = rng.choice(corpus.link_sentences)
        path = f"https://example.org/{corpus.language}/{rng.randint(100, 9999)}"
        parts.append(template.format(link=f"[{text}]({path})"))
    return " ".join(parts)


def _extra_block(rng: random.Random, corpus: Corpus) -> str:
    """A heading, list, quote or table between paragraphs, as bloggers use them."""
    kind = rng.random()
    if kind < 0.45:
        return f"## {rng.choice(corpus.headings)}"
    if kind < 0.7:
        items = rng.sample(corpus.list_items, k=rng.randint(3, 5))
        marker = "1." if rng.random() < 0.3 else "-"
        return "\n".join(f"{marker} {item[:1].upper()}{item[1:]}" for item in items)
    if kind < 0.9:
        text, who = rng.choice(corpus.quotes)
        return f"> {text}\n>\n> — {who}"
    return _table(rng, rng.choice(corpus.tables))


def make_body(rng: random.Random, corpus: Corpus) -> str:
    """A Markdown body of a believable length, mostly paragraphs with a few other blocks."""
    goal, words = target_words(rng, corpus), 0
    blocks: list[str] = []
    sentences = _Sentences(rng, corpus)
    while words < goal:
        if blocks and goal > 250 and rng.random() < 0.18:
            blocks.append(_extra_block(rng, corpus))
        paragraph = _paragraph(rng, corpus, sentences)
        words += len(paragraph.split())
        blocks.append(paragraph)
    return "\n\n".join(blocks)


def make_photo_body(rng: random.Random, corpus: Corpus, image_urls: list[str]) -> str:
    """A photo post: a line of text, then two to four pictures with captions."""
    sentences = _Sentences(rng, corpus)
    blocks = [sentences.take()]
    for url in rng.sample(image_urls, k=min(len(image_urls), rng.randint(2, 4))):
        caption = rng.choice(corpus.photo_captions)
        blocks.append(f"![{caption}]({url})")
        blocks.append(f"*{caption}.* {sentences.take()}")
    return "\n\n".join(blocks)
