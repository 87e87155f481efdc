"""Fixtures shared by every test module."""

import pytest

from chaikhana.core.testing.factories import BlogFactory, UserFactory


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def blog(db, user):
    return BlogFactory(owner=user)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (throttles, page cache)."""
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):  # Redis: only this worker's keys, not the db
        cache.delete_pattern("*")
    else:
        cache.clear()
    # A fresh test database has no settings row: say so in the cache, as production's
    # first read would, so query counts measure the page and not a once-an-hour read.
    from chaikhana.core.testing.network import cache_defaults

    cache_defaults()
    yield


@pytest.fixture(autouse=True)
def _empty_search_index_after_transactional_tests(request, django_db_blocker):
    """A transactional test ends with a flush, which empties the tables Django knows but not
    SQLite's FTS5 index (a virtual table); without this, its rows would show up in the next
    test's search on the same worker."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        from django.db import DatabaseError, connection

        # Some tests (the backup drills) swap databases or block access of their own.
        with django_db_blocker.unblock():
            if connection.vendor == "sqlite":
                try:
                    with connection.cursor() as cursor:
                        cursor.execute("DELETE FROM reading_search_fts")
                except DatabaseError:
                    pass
