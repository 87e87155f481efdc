"""Cursor pagination: an opaque cursor names the last item seen, so pages never skip or repeat
when posts are published between two calls (unlike ?page=N), and deep pages cost no OFFSET.

A cursor is base64url of "<sort value>|<id>" for lists newest first (by publish time), or of
"<id>" for lists in id order; callers must treat it as opaque.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chaikhana.api import conf
from chaikhana.api.problems import Problem, field_error

M = TypeVar("M", bound=Model)


def _bad_cursor() -> Problem:
    message = _("This cursor is not one we gave out; start again without it.")
    return Problem("invalid-input", 400, message, errors=[field_error("cursor", message)])


def _encode(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise _bad_cursor() from error


def _after_newest(cursor: str, field: str) -> Q:
    when, _sep, pk = _decode(cursor).partition("|")
    try:
        moment, last = datetime.fromisoformat(when), int(pk)
    except ValueError as error:
        raise _bad_cursor() from error
    return Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": last})


def _after_id(cursor: str) -> Q:
    try:
        return Q(pk__gt=int(_decode(cursor)))
    except ValueError as error:
        raise _bad_cursor() from error


def page(
    request: HttpRequest,
    items: QuerySet[M],
    *,
    cursor: str | None,
    limit: int | None,
    newest_by: str | None = None,
) -> tuple[Sequence[M], str | None]:
    """One page of *items* after *cursor*, and the address of the next page (None at the end).

    *newest_by* names a non-null datetime field to order newest first; else ids ascending.
    """
    size = min(max(limit or conf.page_size(), 1), conf.max_page_size())
    if newest_by:
        items = items.order_by(f"-{newest_by}", "-pk")
        if cursor:
            items = items.filter(_after_newest(cursor, newest_by))
    else:
        items = items.order_by("pk")
        if cursor:
            items = items.filter(_after_id(cursor))
    found = list(items[: size + 1])
    if len(found) <= size:
        return found, None
    found = found[:size]
    last = found[-1]
    token = (
        _encode(f"{getattr(last, newest_by).isoformat()}|{last.pk}")
        if newest_by
        else _encode(str(last.pk))
    )
    query = request.GET.copy()
    query["cursor"] = token
    return found, request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def listing(items: Sequence[Any], next_url: str | None) -> dict[str, Any]:
    return {"items": list(items), "next": next_url}
