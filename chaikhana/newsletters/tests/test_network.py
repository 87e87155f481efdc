"""The network's side: the budget and the queue, bounces, deleted accounts, the reader's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from anymail.signals import AnymailTrackingEvent, tracking
from django.utils import timezone

from chaikhana.accounts.actions import delete_account
from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.newsletters.actions import list_for_blog, purge_subscriptions, request_subscription
from chaikhana.newsletters.models import Subscription, Suppression
from chaikhana.newsletters.tests.conftest import subscriber

pytestmark = pytest.mark.django_db


def test_staff_set_the_hourly_budget_and_see_the_queue(client):
    staff = UserFactory(is_staff=True)
    log_in_verified(client, staff)
    page = client.get("/network/newsletters/")
    assert page.status_code == 200 and b"Waiting" in page.content
    client.post("/network/newsletters/", {"newsletter_per_hour": "500"})
    from chaikhana.newsletters.actions.sending import per_hour

    assert per_hour() == 500


def test_a_reader_who_is_not_staff_cannot_open_it(client):
    client.force_login(UserFactory())
    assert client.get("/network/newsletters/").status_code == 403


def test_a_hard_bounce_or_a_complaint_stops_mail_to_that_address(blog):
    ml = list_for_blog(blog=blog)
    sub = subscriber(ml, "gone@example.org")
    event = AnymailTrackingEvent(event_type="bounced", recipient="gone@example.org")
    tracking.send(sender=object, event=event, esp_name="Postmark")
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED
    assert Suppression.objects.count() == 1
    assert "gone@example.org" not in str(list(Suppression.objects.values_list()))
    again = request_subscription(
        mailing_list=ml,
        email="gone@example.org",
        frequency="post",
        language="en",
        images="none",
        address_hash="",
    )
    assert again is None


def test_a_soft_bounce_changes_nothing(blog):
    sub = subscriber(list_for_blog(blog=blog), "busy@example.org")
    tracking.send(
        sender=object,
        event=AnymailTrackingEvent(event_type="deferred", recipient="busy@example.org"),
        esp_name="Postmark",
    )
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE


def test_deleting_an_account_deletes_the_subscriptions_of_its_address(blog):
    person = UserFactory(email="me@example.org")
    subscriber(list_for_blog(blog=blog), "me@example.org")
    subscriber(list_for_blog(blog=blog), "other@example.org")
    delete_account(user=person)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["other@example.org"]


def test_unsubscribed_addresses_are_deleted_after_the_grace_period(blog):
    ml = list_for_blog(blog=blog)
    subscriber(
        ml,
        "old@example.org",
        status="unsubscribed",
        unsubscribed_at=timezone.now() - timedelta(days=31),
    )
    subscriber(ml, "recent@example.org", status="unsubscribed", unsubscribed_at=timezone.now())
    assert purge_subscriptions() == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == ["recent@example.org"]


def test_a_signed_in_reader_manages_her_subscriptions_next_to_her_follows(client, blog):
    person = UserFactory(email="me@example.org")
    sub = subscriber(list_for_blog(blog=blog), "me@example.org")
    subscriber(list_for_blog(blog=blog), "someone@example.org")
    client.force_login(person)
    page = client.get("/newsletters/mine/").content.decode()
    assert blog.title in page and "/reader/following/" in page
    assert "someone@example.org" not in page
    following = client.get("/reader/following/").content.decode()
    assert "/newsletters/mine/" in following
    client.post(
        f"/newsletters/mine/{sub.pk}/",
        {
            f"s{sub.pk}-frequency": "weekly",
            f"s{sub.pk}-language": "ru",
            f"s{sub.pk}-images": "none",
        },
    )
    sub.refresh_from_db()
    assert (sub.frequency, sub.language, sub.images) == ("weekly", "ru", "none")
    client.post(f"/newsletters/mine/{sub.pk}/", {"unsubscribe": "1"})
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED


def test_a_reader_cannot_touch_someone_elses_subscription(client, blog):
    other = subscriber(list_for_blog(blog=blog), "someone@example.org")
    client.force_login(UserFactory(email="me@example.org"))
    assert client.post(f"/newsletters/mine/{other.pk}/", {"unsubscribe": "1"}).status_code == 404
    other.refresh_from_db()
    assert other.status == Subscription.Status.ACTIVE


def test_a_persons_data_export_includes_her_subscriptions(blog):
    import json
    import zipfile
    from io import BytesIO

    from chaikhana.porting.export.user import build_user_zip

    person = UserFactory(email="me@example.org")
    subscriber(list_for_blog(blog=blog), "me@example.org", frequency="daily")
    subscriber(list_for_blog(blog=blog), "other@example.org")
    out = BytesIO()
    build_user_zip(user=person, out=out)
    [sub] = json.loads(zipfile.ZipFile(out).read("subscriptions.json"))
    assert (sub["list"], sub["email"], sub["frequency"]) == (blog.title, "me@example.org", "daily")
