"""Which of the network's languages a text is in: the WXR's <language>, else the letters."""

from __future__ import annotations

import re

KYRGYZ_LETTERS = re.compile("[ңөүҢӨҮ]")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")
LATIN = re.compile("[a-zA-Z]")


def from_code(code: str) -> str | None:
    """``ru-RU`` → ``ru``; a language the network does not have → None."""
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return base if base in {"ru", "ky", "en"} else None


def guess(text: str, default: str = "ru") -> str:
    """Kyrgyz if its own letters appear, Russian if mostly Cyrillic, English if Latin."""
    sample = text[:5000]
    cyrillic, latin = len(CYRILLIC.findall(sample)), len(LATIN.findall(sample))
    if cyrillic == 0 and latin == 0:
        return default
    if cyrillic >= latin:
        return "ky" if len(KYRGYZ_LETTERS.findall(sample)) * 200 >= cyrillic else "ru"
    return "en"
