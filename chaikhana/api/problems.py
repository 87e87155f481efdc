"""RFC 9457 problem details: every error of the API is one of these documents.

``type`` is a stable URI per kind of problem (documented in docs/api.md), ``title`` and
``detail`` are in the caller's language (Accept-Language, through LocaleMiddleware), and a
refused field is named in ``errors`` (RFC 9457 §3.2 allows such extension members).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "https://chaikhana.kg/problems/"  # identifiers (RFC 9457 §3.1.1), not pages

TITLES: dict[str, Promise] = {
    "malformed-body": gettext_lazy("The request body is not valid JSON"),
    "invalid-input": gettext_lazy("Some fields are not valid"),
    "unauthorized": gettext_lazy("A valid token is needed"),
    "insufficient-scope": gettext_lazy("The token does not allow this"),
    "forbidden": gettext_lazy("You may not do this"),
    "not-found": gettext_lazy("There is nothing here"),
    "conflict": gettext_lazy("Someone else changed it first"),
    "refused": gettext_lazy("The change was refused"),
    "too-large": gettext_lazy("The request is too large"),
    "too-many-requests": gettext_lazy("Too many requests"),
    "token-in-query": gettext_lazy("Tokens go in the Authorization header"),
    "method-not-allowed": gettext_lazy("This method is not allowed here"),
}


def field_error(field: str, detail: str | Promise) -> dict[str, str]:
    """One refused field: {"field": "title", "detail": "…"}."""
    return {"field": field, "detail": str(detail)}


class Problem(Exception):
    """Raised anywhere inside an operation; the API answers with the document."""

    def __init__(
        self,
        kind: str,
        status: int,
        detail: str | Promise = "",
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(str(detail))
        self.kind, self.status, self.detail = kind, status, str(detail)
        self.errors, self.headers, self.extra = errors, headers or {}, extra


def document(problem: Problem, instance: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": TYPE_BASE + problem.kind,
        "title": str(TITLES.get(problem.kind, _("Error"))),
        "status": problem.status,
        "detail": problem.detail or str(TITLES.get(problem.kind, "")),
    }
    if instance:
        body["instance"] = instance
    if problem.errors:
        body["errors"] = problem.errors
    body.update(problem.extra)
    return body


def respond(problem: Problem, instance: str = "") -> HttpResponse:
    response = JsonResponse(
        document(problem, instance),
        status=problem.status,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Type"] = CONTENT_TYPE
    response["Content-Language"] = get_language() or "en"
    for name, value in problem.headers.items():
        response[name] = value
    return response
