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
