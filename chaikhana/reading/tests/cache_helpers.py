"""Helpers for the page-cache tests: warm a page, and tell a stored page from a fresh one."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def warm(client: Any, url: str, **headers: Any) -> str:
    """Visit *url* twice (the first visit learns what it depends on, the second stores it)."""
    client.get(url, **headers)
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def served_from_cache(client: Any, url: str, **headers: Any) -> bool:
    """A stored page costs the database nothing: a fresh one needs at least the blog."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries) == 0


def without_comment_form(blog):
    """Comments closed, for tests about other parts of the page (an anonymous page with the
    open comment form is stored too: test_cache_comments.py)."""
    from chaikhana.comments.models import CommentSettings

    CommentSettings.objects.update_or_create(
        blog=blog, defaults={"mode": CommentSettings.Mode.CLOSED}
    )
    return blog
