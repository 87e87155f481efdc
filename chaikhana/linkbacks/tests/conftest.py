"""Fixtures for linkbacks: a "remote blog" on a loopback port, a public post of ours."""

import pytest

from chaikhana.core.testing.factories import PostFactory
from chaikhana.core.testing.localserver import LocalServer


@pytest.fixture
def loopback(settings):
    settings.SAFEHTTP_ALLOW_LOOPBACK = True
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def remote(loopback):
    with LocalServer() as server:
        yield server


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog, slug="chaikhana-news", title="News from the teahouse")


@pytest.fixture
def post_url(post):
    return f"http://testserver{post.get_absolute_url()}"


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run what is scheduled on commit (tasks run at once in tests) inside the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
