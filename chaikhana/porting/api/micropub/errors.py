"""Micropub §3.7.1 error responses: a JSON body with ``error`` and ``error_description``
(and, for ``insufficient_scope``, the ``scope`` that is missing, as RFC 6750 §3 names it)."""

from __future__ import annotations

from django.http import JsonResponse


class MicropubError(Exception):
    """Answer *status* with *error* (one of the spec's codes) and a human description."""

    def __init__(self, status: int, error: str, description: str, scope: str = "") -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description
        self.scope = scope

    def response(self) -> JsonResponse:
        body = {"error": self.error, "error_description": self.description}
        challenge = 'Bearer realm="micropub"'
        if self.scope:
            body["scope"] = self.scope
            challenge += f', error="{self.error}", scope="{self.scope}"'
        response = JsonResponse(body, status=self.status)
        if self.status == 401 or self.scope:
            response["WWW-Authenticate"] = challenge  # RFC 6750 §3
        return response


def insufficient_scope(scope: str, description: str) -> MicropubError:
    return MicropubError(403, "insufficient_scope", description, scope=scope)


def invalid(description: str) -> MicropubError:
    return MicropubError(400, "invalid_request", description)
