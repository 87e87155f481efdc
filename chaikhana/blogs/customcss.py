"""The one gate for a blog's custom CSS: styles may change how a blog looks, never load
anything from another site, run code, or break out of the <style> element they live in.

Readers pay for every byte and must not be tracked, so a blog's CSS may only point at this
site's own files (relative or same-site paths) and may not bring web fonts.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_CUSTOM_CSS_CHARS = 20_000

_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
# CSS escapes (CSS Syntax §4.3.7): "\69" or "\i" are both "i"; decode them before checking.
_HEX_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\r\n\f]?")
_CHAR_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_WHITESPACE = re.compile(r"[\s\x00-\x1f\x7f]+")
# Functions whose arguments name a resource the browser will fetch.
_FETCHING_FUNCTION = re.compile(r"(?:url|src|(?:-webkit-)?image-set)\(([^()]*)\)?", re.IGNORECASE)
_STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

_FORBIDDEN = [
    ("@import", _("Custom CSS may not use @import: keep all your styles here.")),
    ("@font-face", _("Custom CSS may not load fonts (@font-face): readers pay for every byte.")),
    ("expression(", _("Custom CSS may not use expression(): it runs code.")),
    ("behavior:", _("Custom CSS may not use behavior: it runs code.")),
    ("-moz-binding", _("Custom CSS may not use -moz-binding: it runs code.")),
]


def _unescape(text: str) -> str:
    def hex_char(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"

    return _CHAR_ESCAPE.sub(r"\1", _HEX_ESCAPE.sub(hex_char, text))


def _is_same_site(target: str) -> bool:
    """A relative path or a path on this site: no scheme, no other host."""
    target = _WHITESPACE.sub("", target)
    if target.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    return not _SCHEME.match(target)


def _fetched_targets(css: str) -> list[str]:
    targets = []
    for match in _FETCHING_FUNCTION.finditer(css):
        argument = match.group(1)
        strings = [a or b for a, b in _STRING.findall(argument)]
        targets.extend(strings or [argument.strip()])
    return targets


def validate_custom_css(text: str) -> str:
    """Return *text* if it is safe to serve as a blog's stylesheet; raise ValidationError."""
    if len(text) > MAX_CUSTOM_CSS_CHARS:
        raise ValidationError(
            _("Custom CSS may have at most %(max)s characters (it has %(count)s)."),
            code="too_long",
            params={"max": f"{MAX_CUSTOM_CSS_CHARS:,}", "count": f"{len(text):,}"},
        )
    if "<" in text:
        raise ValidationError(
            _("Custom CSS may not contain the “<” character."), code="forbidden_char"
        )
    # Check the text as written and with comments and escapes removed, since browsers
    # read "@imp\6Frt" and "ur/**/l(" in ways a plain search would miss.
    decoded = _unescape(_COMMENT.sub("", text))
    for variant in (text, decoded, _WHITESPACE.sub("", decoded)):
        lowered = variant.lower()
        for needle, message in _FORBIDDEN:
            if needle in lowered:
                raise ValidationError(message, code="forbidden")
    for target in _fetched_targets(decoded):
        if not _is_same_site(target):
            raise ValidationError(
                _(
                    "Custom CSS may only point at files of this site (“%(url)s” is elsewhere). "
                    "Use a relative path or one starting with a single “/”."
                ),
                code="external_url",
                params={"url": target[:80]},
            )
    return text
