"""The address hash kept with guests' abuse reports and counted by every rate limit.

It is keyed by SECRET_KEY, which lives in the environment or the git-ignored .secret_key file
and never in the database, and by the UTC day: someone holding only a copy of the database
cannot hash all 2³² IPv4 addresses to find whose a report was, nor link two days' reports.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from chaikhana.blogs.models import Post
from chaikhana.core.ratelimit import request_address_hash
from chaikhana.core.testing.factories import PASSWORD, PostFactory
from chaikhana.network.reports.actions import file_report

ADDRESS = "203.0.113.58"
DAY = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog, status=Post.Status.PUBLISHED)


def _guest_report(post, *, now=None):
    request = RequestFactory().post("/", REMOTE_ADDR=ADDRESS)
    return file_report(
        subject=post,
        reason="spam",
        note="",
        reporter=AnonymousUser(),
        address_hash=request_address_hash(request, now=now),
    )


def _every_stored_value() -> str:
    """Every row of every table, as text."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


class StoredAddressHashTests:
    def test_stored_hash_changes_when_secret_key_changes(self, settings, post):
        first = _guest_report(post, now=DAY).address_hash
        settings.SECRET_KEY = "a different secret, kept outside the database"  # noqa: S105
        assert _guest_report(post, now=DAY).address_hash not in ("", first)

    def test_stored_hash_changes_when_the_day_changes(self, post):
        today = _guest_report(post, now=DAY).address_hash
        tomorrow = _guest_report(post, now=DAY + timedelta(days=1)).address_hash
        assert tomorrow not in ("", today)

    def test_no_row_holds_raw_address_or_key_when_a_guest_reports_signs_up_and_logs_in(
        self, client, settings, post, user
    ):
        _guest_report(post)
        login = reverse("accounts:login")
        client.post(login, {"username": user.username, "password": "wrong"}, REMOTE_ADDR=ADDRESS)
        client.post(
            reverse("accounts:signup"),
            {"username": "guest", "password": PASSWORD, "password_confirm": PASSWORD},
            REMOTE_ADDR=ADDRESS,
        )
        stored = _every_stored_value()
        assert "'guest'" in stored and "'spam'" in stored  # the rows are there
        assert ADDRESS not in stored
        assert settings.SECRET_KEY not in stored
