"""A stranger subscribes with only an address: the form, the confirmation, the mistakes."""

from __future__ import annotations

import re

import pytest
from django.core import mail, signing
from django.test import Client
from freezegun import freeze_time

from chaikhana.core.testing.factories import PostFactory, TagFactory
from chaikhana.newsletters.models import MailingList, Subscription

pytestmark = pytest.mark.django_db
URL = "/newsletters/subscribe/"


def form(blog, **fields):
    return {
        "kind": "blog",
        "target": blog.name,
        "email": "reader@example.org",
        "frequency": "post",
        "language": "ky",
        "images": "small",
        "website": "",
    } | fields


def confirm_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/newsletters/confirm/[^\s\"]+/)", message.body).group(1)


def test_every_public_blog_page_has_a_form_without_a_csrf_token(client, blog):
    post = PostFactory(blog=blog)
    for url in (blog.get_absolute_url(), post.get_absolute_url()):
        html = client.get(url).content.decode()
        assert 'action="/newsletters/subscribe/"' in html
        assert f'name="target" value="{blog.name}"' in html
    assert "csrfmiddlewaretoken" not in html  # the page stays in the shared page cache


def test_the_tag_page_offers_the_tag_across_the_network(client, blog):
    tag = TagFactory(blog=blog, name="выборы", slug="vybory")
    PostFactory(blog=blog).tags.add(tag)
    html = client.get(f"/@{blog.name}/tag/vybory/").content.decode()
    assert 'name="kind" value="tag"' in html and 'name="target" value="vybory"' in html


def test_subscribing_sends_a_confirmation_in_the_chosen_language_and_confirming_activates(
    client, blog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form(blog), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert "Проверьте почту" in response.content.decode()  # the reader's language
    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    assert blog.title in message.subject and "жазылууңузду ырастаңыз" in message.subject  # Kyrgyz
    sub = Subscription.objects.get()
    assert sub.status == Subscription.Status.PENDING
    link = confirm_link(message)
    assert client.get(link).status_code == 200  # a button: scanners that follow links do nothing
    assert Subscription.objects.get().status == Subscription.Status.PENDING
    done = client.post(link)
    assert done.status_code == 200
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE and "confirmed by email" in sub.consent
    again = client.post(link, HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 400
    assert "already confirmed" in again.content.decode()


def test_an_expired_or_forged_confirmation_link_says_so(
    client, blog, django_capture_on_commit_callbacks
):
    with freeze_time("2026-01-01 10:00"), django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form(blog))
    link = confirm_link(mail.outbox[0])
    with freeze_time("2026-01-04 10:00"):
        expired = client.post(link, HTTP_ACCEPT_LANGUAGE="en")
    assert expired.status_code == 400 and "expired" in expired.content.decode()
    forged = signing.dumps({"s": Subscription.objects.get().pk, "k": "guess"}, salt="other")
    response = client.post(f"/newsletters/confirm/{forged}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.PENDING


@pytest.mark.parametrize(
    ("email", "words"),
    [
        ("not-an-address", "это не адрес"),
        ("a" * 250 + "@example.org", "слишком длинный"),
        ("Anna <anna@example.org>", "без имени"),
        ("anna@example.org\r\nBcc: victim@example.org", "перевода строки"),
        ("", "Введите"),
    ],
)
def test_bad_addresses_get_a_clear_message_in_the_readers_language_and_nothing_is_kept(
    client, blog, email, words
):
    response = client.post(URL, form(blog, email=email), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert words in response.content.decode().lower() or words in response.content.decode()
    assert not Subscription.objects.exists() and not mail.outbox


def test_the_honeypot_shows_the_same_page_and_sends_nothing(client, blog):
    response = client.post(URL, form(blog, website="http://spam.example"))
    assert response.status_code == 200
    assert not Subscription.objects.exists() and not mail.outbox


def test_a_flood_from_one_connection_is_refused_with_a_message(client, blog, settings):
    settings.NEWSLETTERS_SUBSCRIBE_PER_ADDRESS_HOUR = 3
    for n in range(3):
        assert client.post(URL, form(blog, email=f"r{n}@example.org")).status_code == 200
    response = client.post(URL, form(blog, email="r9@example.org"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert "Too many subscriptions" in response.content.decode()
    assert Subscription.objects.count() == 3


def test_one_mailbox_gets_at_most_three_confirmations_a_day(client, blog, settings):
    settings.NEWSLETTERS_SUBSCRIBE_PER_ADDRESS_HOUR = 100
    for _n in range(3):
        assert client.post(URL, form(blog)).status_code == 200
    assert client.post(URL, form(blog), HTTP_ACCEPT_LANGUAGE="en").status_code == 429


def test_a_form_sent_from_another_site_is_refused_and_one_from_a_blog_subdomain_taken(client, blog):
    response = client.post(URL, form(blog), HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403 and not Subscription.objects.exists()
    assert client.post(URL, form(blog), HTTP_SEC_FETCH_SITE="same-site").status_code == 200


def test_it_works_with_javascript_off_and_without_a_csrf_cookie(blog):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, form(blog)).status_code == 200
    assert Subscription.objects.get().mailing_list.kind == MailingList.Kind.BLOG


def test_a_private_blog_cannot_be_subscribed_to(client, blog):
    blog.visibility = "private"
    blog.save()
    assert client.post(URL, form(blog)).status_code == 404


def test_a_forged_unsubscribe_link_is_refused_and_a_real_one_asks_first(client, blog):
    from chaikhana.newsletters.actions import list_for_blog
    from chaikhana.newsletters.tests.conftest import subscriber

    sub = subscriber(list_for_blog(blog=blog), "reader@example.org")
    other = subscriber(list_for_blog(blog=blog), "other@example.org")
    forged = client.post("/newsletters/unsubscribe/not-a-real-secret/", HTTP_ACCEPT_LANGUAGE="en")
    assert forged.status_code == 404 and "not valid" in forged.content.decode()
    page = client.get(f"/newsletters/unsubscribe/{sub.secret}/")
    assert page.status_code == 200 and '<form method="post"' in page.content.decode()
    client.post(f"/newsletters/unsubscribe/{sub.secret}/")
    sub.refresh_from_db()
    other.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED
    assert other.status == Subscription.Status.ACTIVE
