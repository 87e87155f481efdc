"""What every /api/ call goes through before and after its operation: the token is refused in
the query string, bodies are capped from their Content-Length before a byte is read, calls are
counted (RateLimit headers, draft-ietf-httpapi-ratelimit-headers), and a GET answers 304 when
the caller already holds the same document (a strong ETag over the body, RFC 9110 §8.8.3).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from chaikhana.api import conf
from chaikhana.api.conditional import held
from chaikhana.api.problems import CONTENT_TYPE, Problem, respond
from chaikhana.core import ratelimit

PREFIX = "/api/"
WINDOW = 60


def _too_large(request: HttpRequest) -> Problem | None:
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        return Problem("malformed-body", 400, _("Content-Length is not a number."))
    upload = request.path.endswith("/media")
    cap = conf.max_upload_bytes() if upload else conf.max_body_bytes()
    if length > cap:
        detail = _("Send at most %(kb)d KB in one request.") % {"kb": cap // 1024}
        return Problem("too-large", 413, detail, max_bytes=cap)
    return None


def _subject(request: HttpRequest) -> tuple[str, int]:
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        ident = token.strip().partition(".")[0][:16]
        return "token:" + ident, conf.requests_per_minute(signed_in=True)
    return "addr:" + ratelimit.request_address_hash(request), conf.requests_per_minute(
        signed_in=False
    )


def _count(request: HttpRequest) -> tuple[dict[str, str], Problem | None]:
    subject, quota = _subject(request)
    used = ratelimit.hit("api", subject, window=WINDOW)
    reset = WINDOW - int(time.time()) % WINDOW
    headers = {
        "RateLimit-Policy": f'"default";q={quota};w={WINDOW}',
        "RateLimit": f'"default";r={max(quota - used, 0)};t={reset}',
    }
    if used <= quota:
        return headers, None
    detail = _("Wait %(seconds)d seconds before the next call.") % {"seconds": reset}
    return headers, Problem("too-many-requests", 429, detail, headers={"Retry-After": str(reset)})


def _refused_before(request: HttpRequest) -> Problem | None:
    if "access_token" in request.GET:
        return Problem(
            "token-in-query",
            400,
            _("Never put a token in an address: send it as “Authorization: Bearer <token>”."),
        )
    return _too_large(request)


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
        return response
    # An operation that knows its answer's ETag from cheap fields (conditional.py) has set it
    # and answered 304 itself; the others are hashed here.
    if "ETag" not in response:
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    etag = response["ETag"]
    if held(request, etag):
        unchanged = HttpResponseNotModified()
        for name in ("ETag", "Cache-Control", "Vary", "RateLimit", "RateLimit-Policy"):
            if name in response:
                unchanged[name] = response[name]
        return unchanged
    return response


def _as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """An address or method the API does not have (answered by Django or ninja as plain
    text or HTML) becomes a problem document too."""
    kind = {404: "not-found", 405: "method-not-allowed"}.get(response.status_code)
    if kind is None or response.get("Content-Type", "").startswith(CONTENT_TYPE):
        return response
    problem = respond(Problem(kind, response.status_code), request.path)
    if "Allow" in response:
        problem["Allow"] = response["Allow"]
    return problem


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:  # RFC 9110 §9.3.2: HEAD is GET without the body
            request.method = "GET"
        headers, problem = _count(request)
        problem = problem or _refused_before(request)
        response = respond(problem, request.path) if problem else self.get_response(request)
        response = _as_problem(request, response)
        for name, value in headers.items():
            response[name] = value
        patch_vary_headers(response, ["Authorization", "Accept-Language"])
        if "Cache-Control" not in response:
            private = "Authorization" in request.headers
            response["Cache-Control"] = "private, no-cache" if private else "public, no-cache"
        response = _conditional(request, response)
        if head and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
