"""The one gate for a blog's custom CSS: styles may change how a blog looks, never load
anything from another site, run code, or break out of the <style> element they live in.

Readers pay for every byte and must not be tracked, so a blog's CSS may only point at this
site's own files (relative or same-site paths) and may not bring web fonts.

The CSS is read the way a browser reads it, with ``tinycss2``'s tokeniser (CSS Syntax 3):
strings, comments, escapes and nesting are settled before anything is checked, so neither
a ")" inside a quoted URL nor a "/*" inside a string can hide what follows. Every token is
visited, inside functions, blocks and at-rules alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import tinycss2
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from tinycss2 import ast

StrOrPromise = str | Promise

MAX_CUSTOM_CSS_CHARS = 20_000

_WHITESPACE = re.compile(r"[\s\x00-\x1f\x7f]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# Functions whose quoted arguments name a resource the browser will fetch.
_FETCHING_FUNCTIONS = {
    "url",
    "src",
    "image",
    "-webkit-image",
    "image-set",
    "-webkit-image-set",
    "cross-fade",
    "-webkit-cross-fade",
}
_FORBIDDEN_AT_RULES = {
    "import": _("Custom CSS may not use @import (line %(line)s): keep all your styles here."),
    "font-face": _(
        "Custom CSS may not load fonts (@font-face, line %(line)s): readers pay for every byte."
    ),
}
_CODE_RUNNING = {  # old Internet Explorer and Firefox features that run code
    "expression": _("Custom CSS may not use expression() (line %(line)s): it runs code."),
    "behavior": _("Custom CSS may not use behavior (line %(line)s): it runs code."),
    "-moz-binding": _("Custom CSS may not use -moz-binding (line %(line)s): it runs code."),
}


def _is_same_site(target: str) -> bool:
    """A relative path or a path on this site: no scheme, no other host."""
    target = _WHITESPACE.sub("", target)
    if target.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    return not _SCHEME.match(target)


def _walk(tokens: Iterable[ast.Node]) -> Iterator[ast.Node]:
    """Every token in *tokens*, and in the blocks and functions they contain, in order."""
    for token in tokens:
        yield token
        if isinstance(token, ast.FunctionBlock):
            yield from _walk(token.arguments)
        elif isinstance(
            token, ast.ParenthesesBlock | ast.SquareBracketsBlock | ast.CurlyBracketsBlock
        ):
            yield from _walk(token.content)


def _fetched(token: ast.Node) -> list[str]:
    """The addresses *token* makes the browser fetch."""
    if isinstance(token, ast.URLToken):
        return [token.value]
    if isinstance(token, ast.FunctionBlock) and token.lower_name in _FETCHING_FUNCTIONS:
        return [arg.value for arg in token.arguments if isinstance(arg, ast.StringToken)]
    return []


def _declaration_names(tokens: list[ast.Node]) -> Iterator[tuple[str, int]]:
    """The property names declared in *tokens*, in nested rules and at-rules too."""
    for node in tinycss2.parse_blocks_contents(tokens):
        if isinstance(node, ast.Declaration):
            yield node.lower_name, node.source_line
        elif isinstance(node, ast.QualifiedRule | ast.AtRule) and node.content is not None:
            yield from _declaration_names(node.content)


def _refuse(message: StrOrPromise, line: int, code: str, **params: object) -> ValidationError:
    return ValidationError(message, code=code, params={"line": line, **params})  # type: ignore[arg-type]  # a lazy translation


def _check_token(token: ast.Node) -> None:
    line = token.source_line
    if isinstance(token, ast.ParseError):
        raise _refuse(
            _(
                "Custom CSS cannot be read on line %(line)s (an unclosed quote or bracket, "
                "or a broken url()). Correct it and save again."
            ),
            line,
            "unreadable",
        )
    if isinstance(token, ast.AtKeywordToken) and token.lower_value in _FORBIDDEN_AT_RULES:
        raise _refuse(_FORBIDDEN_AT_RULES[token.lower_value], line, "forbidden")
    if isinstance(token, ast.FunctionBlock) and token.lower_name == "expression":
        raise _refuse(_CODE_RUNNING["expression"], line, "forbidden")
    for target in _fetched(token):
        if not _is_same_site(target):
            raise _refuse(
                _(
                    "Custom CSS may only point at files of this site (“%(url)s” on line "
                    "%(line)s is elsewhere). Use a relative path or one starting with a "
                    "single “/”."
                ),
                line,
                "external_url",
                url=target[:80],
            )


def validate_custom_css(text: str) -> str:
    """Return *text* if it is safe to serve as a blog's stylesheet; raise ValidationError."""
    if len(text) > MAX_CUSTOM_CSS_CHARS:
        raise ValidationError(
            _("Custom CSS may have at most %(max)s characters (it has %(count)s)."),
            code="too_long",
            params={"max": f"{MAX_CUSTOM_CSS_CHARS:,}", "count": f"{len(text):,}"},
        )
    if "<" in text:
        raise _refuse(
            _("Custom CSS may not contain the “<” character (line %(line)s)."),
            text.count("\n", 0, text.index("<")) + 1,
            "forbidden_char",
        )
    tokens = tinycss2.parse_component_value_list(text, skip_comments=True)
    for token in _walk(tokens):
        _check_token(token)
    for name, line in _declaration_names(tokens):
        if name in ("behavior", "-moz-binding"):
            raise _refuse(_CODE_RUNNING[name], line, "forbidden")
    return text
