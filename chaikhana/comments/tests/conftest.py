from contextlib import contextmanager

import pytest

from chaikhana.core.testing.factories import PostFactory


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog)


@contextmanager
def listening(signal):
    """The keyword arguments of every sending of *signal* inside the block."""
    heard: list[dict] = []

    def receiver(sender, **kwargs):
        heard.append(kwargs)

    signal.connect(receiver, weak=False)
    try:
        yield heard
    finally:
        signal.disconnect(receiver)
