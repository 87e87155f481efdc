"""Fixtures for the school's tests."""

import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what actions schedule for after commit (mail tasks), as a real commit would."""
    return django_capture_on_commit_callbacks
