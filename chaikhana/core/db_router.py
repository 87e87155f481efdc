"""Reads from a replica when DATABASE_REPLICA_URL is set, with read-your-writes.

Everything goes to the primary ("default") unless ReadYourWritesMiddleware has said this
request may read the replica: a GET or HEAD from a reader who has not written in the last
REPLICA_PIN_SECONDS. Any other request (a POST, a PUT…) pins that reader to the primary for
that long with a small cookie, so the author of a post, a comment or a login sees it on her
next pages whatever the replica's lag. Task workers and management commands have no request,
so they read and write the primary; so does everything inside a transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

PRIMARY, REPLICA = "default", "replica"
PIN_COOKIE = "primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_may_read_replica: ContextVar[bool] = ContextVar("may_read_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str:
        if _may_read_replica.get() and not connections[PRIMARY].in_atomic_block:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY  # the replica follows the primary's schema by replication


class ReadYourWritesMiddleware:
    """First in MIDDLEWARE (after metrics): decides the database before anything reads."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        writes = request.method not in SAFE_METHODS
        token = _may_read_replica.set(not writes and PIN_COOKIE not in request.COOKIES)
        try:
            response = self.get_response(request)
        finally:
            _may_read_replica.reset(token)
        if writes:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                domain=settings.SESSION_COOKIE_DOMAIN,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
