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


@pytest.fixture
def filter_abstains(settings):
    """The untrained spam filter scores 0.5; these tests are about the blog's policy, so
    that score must not hold a comment (the spam engine's own tests cover its thresholds)."""
    settings.SPAM_APPROVE_BELOW = 0.51
