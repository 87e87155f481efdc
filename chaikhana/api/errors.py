"""How each failure becomes a problem document: the API's one error catalogue."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from chaikhana.api.problems import Problem, field_error, respond
from chaikhana.blogs.actions.posts import EditConflict
from chaikhana.core.errors import ActionError, InvalidTransition

_PLACES = {"body", "query", "path", "form", "file", "header", "cookie"}


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is unknown here; leave it out.")
    if kind.startswith("string_too_long"):
        return _("Keep it under %(n)s characters.") % {"n": ctx.get("max_length", "")}
    if kind.startswith("literal_error") or kind == "enum":
        return _("Use one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind.startswith(("datetime", "date")):
        return _("Give a date and time as in 2026-12-31T18:00:00+06:00.")
    if kind.startswith("int") or kind.startswith("float"):
        return _("This must be a number.")
    if kind.startswith("bool"):
        return _("This must be true or false.")
    if kind.startswith("list") or kind.startswith("model_type") or kind.startswith("dict"):
        return _("This has the wrong shape.")
    if kind.startswith("string"):
        return _("This must be text.")
    return _("This value is not valid.")


def _field(loc: list[Any] | tuple[Any, ...]) -> str:
    parts = list(loc)
    if parts and parts[0] in _PLACES:
        place = parts.pop(0)
        if place in ("body", "form") and parts:
            parts.pop(0)  # the operation's parameter name, not the caller's field
    return ".".join(str(p) for p in parts) or "body"


def validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [field_error(_field(e.get("loc", ())), _message(e)) for e in exc.errors]
    detail = _("Check the fields named in “errors”.")
    return respond(Problem("invalid-input", 422, detail, errors=errors), request.path)


def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:  # ninja: the body could not be parsed
        detail = _("The request body is not valid JSON.")
        return respond(Problem("malformed-body", 400, detail), request.path)
    if exc.status_code == 405:
        return respond(Problem("method-not-allowed", 405), request.path)
    return respond(Problem("refused", exc.status_code, str(exc)), request.path)


def _sent_fields(request: HttpRequest) -> set[str]:
    """The fields the caller sent (JSON keys, form fields, files), to name only those."""
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return set()
        return set(body) if isinstance(body, dict) else set()
    return set(request.POST) | set(request.FILES)


def action_error(request: HttpRequest, exc: ActionError) -> HttpResponse:
    # An action names its own field ("slug", "alt"); one the caller did not send (the
    # registration form's "email") would only puzzle her, so the detail alone says it.
    named = exc.field is not None and exc.field in _sent_fields(request)
    errors = [field_error(exc.field, exc.message)] if named and exc.field else None
    status = 409 if isinstance(exc, InvalidTransition) else 422
    kind = "conflict" if status == 409 else "invalid-input"
    return respond(Problem(kind, status, str(exc.message), errors=errors), request.path)


def edit_conflict(request: HttpRequest, exc: EditConflict) -> HttpResponse:
    # Her text is kept as a revision; the client fetches the post, merges and sends again.
    current = exc.current.version
    problem = Problem("conflict", 409, str(exc.message), current_version=current)
    return respond(problem, request.path)


def _handle(
    api: NinjaAPI, kind: type[Exception], handler: Callable[[HttpRequest, Any], HttpResponse]
) -> None:
    api.add_exception_handler(kind, handler)


def register(api: NinjaAPI) -> None:
    """Every failure the API can meet, mapped to its problem document (never a bare 500)."""
    _handle(api, Problem, lambda r, e: respond(e, r.path))
    _handle(api, ValidationError, validation)
    _handle(api, HttpError, http_error)
    _handle(api, EditConflict, edit_conflict)
    _handle(api, ActionError, action_error)
    _handle(
        api,
        AuthenticationError,
        lambda r, e: respond(
            Problem(
                "unauthorized",
                401,
                _("This call needs a token."),
                headers={"WWW-Authenticate": 'Bearer realm="chaikhana"'},
            ),
            r.path,
        ),
    )
    _handle(api, Http404, lambda r, e: respond(Problem("not-found", 404, str(e) or ""), r.path))
    _handle(
        api, PermissionDenied, lambda r, e: respond(Problem("forbidden", 403, str(e) or ""), r.path)
    )
    _handle(
        api,
        RequestDataTooBig,
        lambda r, e: respond(Problem("too-large", 413, _("The request is too large.")), r.path),
    )
