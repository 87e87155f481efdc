"""Micropub §3.7.1 error responses: a JSON body with ``error`` and ``error_description``."""

from __future__ import annotations

from django.http import JsonResponse


class MicropubError(Exception):
    """Answer *status* with *error* (one of the spec's codes) and a human description."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description

    def response(self) -> JsonResponse:
        body = {"error": self.error, "error_description": self.description}
        response = JsonResponse(body, status=self.status)
        if self.status == 401:
            response["WWW-Authenticate"] = 'Bearer realm="micropub"'  # RFC 6750 §3
        return response


def invalid(description: str) -> MicropubError:
    return MicropubError(400, "invalid_request", description)
