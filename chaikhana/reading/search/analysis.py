"""Text into search terms, the same way for documents and queries, on both backends.

A post's words are stemmed by its language: Snowball's Russian and English stemmers
(the algorithms PostgreSQL's 'russian' and 'english' configurations use) and our Kyrgyz
suffix stripper (kyrgyz.py). Latin-letter words inside Russian or Kyrgyz text are stemmed
as English, as PostgreSQL's 'russian' configuration does. A query's language is unknown,
so each query word is stemmed all three ways and any of the variants may match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from chaikhana.reading.search import kyrgyz

# Long enough for any real search; a 10,000-character paste is cut here, and the page says so.
MAX_QUERY_CHARS = 200
# Letters and digits only: FTS operators, quotes, brackets and punctuation never reach SQL.
_WORD = re.compile(r"[^\W_]+")
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})
_snowball = {lang: snowballstemmer.stemmer(lang) for lang in ("russian", "english")}


def composed(text: str) -> str:
    """NFC: a decomposed й (и + breve) is one letter again, so words are not split."""
    return unicodedata.normalize("NFC", text)


def normalize(word: str) -> str:
    """Lowercase, ё folded to е (Russian writers use both)."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=50_000)
def _english(word: str) -> str:
    return str(_snowball["english"].stemWord(word))


@lru_cache(maxsize=50_000)
def _russian(word: str) -> str:
    return _english(word) if word.isascii() else str(_snowball["russian"].stemWord(word))


@lru_cache(maxsize=50_000)
def _kyrgyz(word: str) -> str:
    return _english(word) if word.isascii() else kyrgyz.stem(word)


def _unchanged(word: str) -> str:
    return word


STEMMERS: dict[str, Callable[[str], str]] = {"ru": _russian, "en": _english, "ky": _kyrgyz}


def stemmer_for(language: str) -> Callable[[str], str]:
    """The stemmer of a post's language; other languages are matched word for word."""
    return STEMMERS.get(language, _unchanged)


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of *text* (composed), with their positions for highlighting."""
    return _WORD.finditer(text)


def stemmed_text(text: str, language: str) -> str:
    """*text* as space-separated stems, for the SQLite index and PostgreSQL's 'simple'."""
    stem = stemmer_for(language)
    return " ".join(stem(normalize(match.group())) for match in words(composed(text)))


@dataclass(frozen=True)
class ParsedQuery:
    """What a reader typed, cut to size and reduced to plain words."""

    text: str  # what is searched (and shown back): at most MAX_QUERY_CHARS
    words: tuple[str, ...]
    truncated: bool

    def variants(self, word: str) -> set[str]:
        """One query word stemmed as Russian, English and Kyrgyz: any of them may match."""
        return {stem(word) for stem in STEMMERS.values()} | {word}

    def all_stems(self) -> frozenset[str]:
        return frozenset(v for word in self.words for v in self.variants(word))

    def stemmed(self, language: str) -> str:
        """The query as one language would index it (PostgreSQL: one per configuration)."""
        stem = stemmer_for(language)
        return " ".join(stem(word) for word in self.words)


def parse_query(raw: str) -> ParsedQuery:
    text = raw.strip()
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    typed = [m.group() for m in words(composed(text))]
    # People who write search-engine syntax mean AND/OR/NOT/NEAR as operators, not words;
    # we search for all the other words (a query of only these words searches for them).
    meant = [word for word in typed if word not in OPERATOR_WORDS] or typed
    found = tuple(dict.fromkeys(normalize(word) for word in meant))
    return ParsedQuery(text=text, words=found, truncated=truncated)
