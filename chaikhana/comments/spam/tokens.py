"""Turning a comment into the tokens the filter counts: Cyrillic-aware, obfuscation-aware.

Pure functions; the filter stores and weighs whatever these return, so training and scoring
must always go through :func:`tokenize`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from urllib.parse import urlsplit

MAX_TOKEN = 60  # SpamToken.token's column is 64
SHORT_TEXT_WORDS = 6  # below this many words, character trigrams may be added

# Zero-width characters and soft hyphens are invisible to a reader and split words for a filter.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"\b(?:[a-z0-9-]+\.)+(?:com|net|org|ru|kg|kz|uz|io|xyz|top|info|biz|online|site|club|pro|"
    r"bet|win|cc|su|me|ly|to|link|shop|store|vip|casino|рф)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
# "к а з и н о", "c.a.s.i.n.o": four or more single letters split by one separator each.
_SPACED = re.compile(r"(?<!\w)(?:\w[ .\-_*·]){3,}\w(?!\w)")
_WORD = re.compile(r"\w+")  # Unicode: Cyrillic and Kyrgyz ң ө ү included
_SYMBOLS = re.compile(r"[$€₽£%₿]|!{2,}")

_CYRILLIC = re.compile(r"[а-яёңөүі]")
_LATIN = re.compile(r"[a-z]")
# Letters that look alike in both scripts, the spammer's way past word lists ("сasino").
_TO_LATIN = str.maketrans("аеорсхукмтвні", "aeopcxykmtbhi")
_TO_CYRILLIC = str.maketrans("aeopcxykmtbhi", "аеорсхукмтвні")


def normalise(text: str) -> str:
    """NFKC (full-width and styled letters become plain), invisible characters gone, casefolded."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def host_of(url: str) -> str:
    """The host of a link, lower case, without a leading ``www.``; "" when there is none."""
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # an unbalanced IPv6 bracket and the like
        return ""
    return host.removeprefix("www.")


def _number_token(digits: str) -> str:
    # Phone numbers, prices and years matter by their shape, not their value.
    size = len(digits)
    return f"num:{size}" if size <= 4 else "num:5+"


def _unmix(word: str) -> list[str]:
    """A word mixing Latin and Cyrillic letters: fold it into its main script, and say so."""
    latin, cyrillic = len(_LATIN.findall(word)), len(_CYRILLIC.findall(word))
    if not latin or not cyrillic:
        return [word]
    folded = word.translate(_TO_LATIN if latin >= cyrillic else _TO_CYRILLIC)
    return [folded, "obf:mixed-script"]


def _word_tokens(word: str) -> list[str]:
    if word.isdigit():
        return [_number_token(word)]
    if len(word) < 2 or word == "_" * len(word):
        return []
    return [w[:MAX_TOKEN] for w in _unmix(word)]


def _links(text: str) -> tuple[str, list[str]]:
    """Replace links and email addresses by tokens; return the rest of the text and them."""
    found: list[str] = []

    def url(match: re.Match[str]) -> str:
        if host := host_of(match.group(0)):
            found.append(f"url:{host}"[:MAX_TOKEN])
        return " "

    def email(match: re.Match[str]) -> str:
        found.append(f"email:{match.group(1)}"[:MAX_TOKEN])
        return " "

    text = _EMAIL.sub(email, _URL.sub(url, text))
    return _BARE_DOMAIN.sub(url, text), found


def _trigrams(words: list[str]) -> list[str]:
    grams: list[str] = []
    for word in words:
        padded = f"^{word}$"
        grams += [f"c3:{padded[i : i + 3]}" for i in range(len(padded) - 2)]
    return grams


def tokenize(text: str, *, char_ngrams: bool = False) -> Counter[str]:
    """The filter's tokens for *text*, with how often each occurs.

    Character trigrams for short texts are off: on the labelled set they filed short
    thank-yous as spam (BENCHMARKS.md, "Spam filter").
    """
    text, tokens = _links(normalise(text))
    for run in _SPACED.findall(text):
        tokens += ["obf:spaced", re.sub(r"[ .\-_*·]", "", run)]
    text = _SPACED.sub(" ", text)
    tokens += [f"sym:{s}" for s in _SYMBOLS.findall(text)]
    words = [t for word in _WORD.findall(text) for t in _word_tokens(word)]
    tokens += words
    if char_ngrams and len(words) < SHORT_TEXT_WORDS:
        tokens += _trigrams([w for w in words if ":" not in w])
    return Counter(tokens)


def links_in(text: str) -> list[str]:
    """Every link and bare domain in *text*, as written."""
    flat = normalise(text)
    return _URL.findall(flat) + _BARE_DOMAIN.findall(_URL.sub(" ", flat))
