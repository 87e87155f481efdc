"""Readable latin slugs from Russian, Kyrgyz and English titles, with a table we own.

The table follows the common Russian passport-style romanisation (ж → zh, х → kh, щ → shch)
and adds the Kyrgyz letters ң → ng, ө → o, ү → u, so «Өлкө жаңылыктары» → ``olko-zhangylyktary``.
"""

import re
import unicodedata

CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kyrgyz
    "ң": "ng", "ө": "o", "ү": "u",
    # Kazakh and Tajik letters that turn up in Central Asian names
    "ә": "a", "ғ": "gh", "қ": "q", "ұ": "u", "һ": "h", "і": "i", "ӣ": "i", "ӯ": "u",
    "ҳ": "h", "ҷ": "j",
}  # fmt: skip

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def transliterate(text: str) -> str:
    """Latin letters for Cyrillic ones; other scripts lose their accents."""
    text = "".join(CYRILLIC_TO_LATIN.get(ch, ch) for ch in text.lower())
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug: lowercase latin letters, digits and single hyphens."""
    slug = _NOT_SLUG.sub("-", transliterate(text)).strip("-")
    return slug[:max_length].rstrip("-")
