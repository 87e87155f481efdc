"""From a published post to messages that arrived at a real SMTP server, once each."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import dkim
import pytest
from django.core.management import call_command
from django.utils import timezone

from chaikhana.blogs.actions import publish_post, schedule_post
from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory, PostFactory
from chaikhana.newsletters.actions import (
    list_for_blog,
    list_for_tag,
    open_digests,
    send_pending,
    set_post_mailing,
)
from chaikhana.newsletters.models import Delivery, Issue, Subscription
from chaikhana.newsletters.tests.conftest import subscriber

pytestmark = pytest.mark.django_db


def draft(blog, **fields):
    return PostFactory(blog=blog, status=Post.Status.DRAFT, published_at=None, **fields)


def test_a_published_post_arrives_once_with_list_headers_both_parts_and_absolute_links(
    smtp, blog, user, run_tasks
):
    ml = list_for_blog(blog=blog)
    subscriber(ml, "reader@example.org")
    post = draft(blog, title="Snow in Naryn", body_source="See [the map](/@other/map/).")
    with run_tasks():
        publish_post(post=post, by=user)
    [message] = smtp.to("reader@example.org")
    assert message["Subject"] == "Snow in Naryn"
    assert message["From"].addresses[0].display_name == blog.title
    assert message["List-Id"].endswith(f"<{blog.name}.blog.chaikhana.example>")
    unsubscribe = re.fullmatch(
        r"<(https://chaikhana\.example/newsletters/unsubscribe/[^>]+/)>",
        message["List-Unsubscribe"].strip(),
    ).group(1)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Snow in Naryn" in text and unsubscribe in text
    assert 'href="https://chaikhana.example/@other/map/"' in html
    assert not re.search(r'(href|src)="/', html), "every link in a message is absolute"
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_one_click_unsubscribe_by_post_from_the_header_stops_the_next_message(
    smtp, blog, user, run_tasks, client
):
    ml = list_for_blog(blog=blog)
    subscriber(ml, "reader@example.org")
    with run_tasks():
        publish_post(post=draft(blog), by=user)
    url = (
        smtp.messages[0]["List-Unsubscribe"]
        .strip()
        .strip("<>")
        .removeprefix("https://chaikhana.example")
    )
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    with run_tasks():
        publish_post(post=draft(blog), by=user)
    assert len(smtp.messages) == 1
    assert Subscription.objects.get().status == Subscription.Status.UNSUBSCRIBED


def test_the_signature_verifies_with_dkimpy(smtp, blog, user, run_tasks, settings, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (tmp_path / "dkim.pem").write_bytes(pem)
    settings.DKIM_PRIVATE_KEY_PATH = str(tmp_path / "dkim.pem")
    settings.DKIM_DOMAIN, settings.DKIM_SELECTOR = "chaikhana.example", "mail"
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    import base64

    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)
    subscriber(list_for_blog(blog=blog), "reader@example.org")
    blog.title = "Дневник Айгуль"
    blog.save()
    with run_tasks():
        publish_post(post=draft(blog, title="Кар жаады"), by=user)
    raw = smtp.raw[0]
    assert b"DKIM-Signature:" in raw
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: record)


def test_private_scheduled_and_switched_off_posts_are_not_sent(smtp, blog, user, run_tasks):
    subscriber(list_for_blog(blog=blog), "reader@example.org")
    private = PostFactory(blog=blog, status=Post.Status.PRIVATE)
    later = draft(blog)
    off = draft(blog)
    set_post_mailing(post=off, send=False, by=user)
    with run_tasks():
        schedule_post(post=later, by=user, at=timezone.now() + timedelta(days=1))
        publish_post(post=off, by=user)
    from chaikhana.newsletters.actions import open_post_issues

    assert open_post_issues(post=private) == []
    assert smtp.messages == []
    assert not Issue.objects.exists()


def test_a_pen_name_blog_sends_under_its_title_and_byline_never_a_username(smtp, run_tasks):
    blog = BlogFactory(title="Tulpar")
    member = MembershipFactory(blog=blog, pen_name="Kara Kush", role="author")
    subscriber(list_for_blog(blog=blog), "reader@example.org")
    post = draft(blog, author=member, byline="Kara Kush")
    with run_tasks():
        publish_post(post=post, by=member.user)
    raw = smtp.raw[0].decode("utf-8", "replace")
    assert "Kara Kush" in smtp.messages[0].get_body(("plain",)).get_content()
    assert member.user.username not in raw
    assert blog.memberships.get(role="owner").user.username not in raw
    assert smtp.messages[0]["From"].addresses[0].display_name == "Tulpar"


def test_a_crash_mid_batch_sends_each_message_once_and_leaves_no_gap(smtp, blog, user, monkeypatch):
    ml = list_for_blog(blog=blog)
    for n in range(6):
        subscriber(ml, f"r{n}@example.org")
    post = PostFactory(blog=blog)
    issue = Issue.objects.create(mailing_list=ml, kind=Issue.Kind.POST, post=post)
    from chaikhana.newsletters.actions import queue_issue

    queue_issue(issue=issue)
    assert Delivery.objects.count() == 6
    queue_issue(issue=issue)  # a retried fan-out writes nothing twice
    assert Delivery.objects.count() == 6
    from chaikhana.newsletters import mail

    real = mail.IssueRenderer.message
    calls = {"n": 0}

    def dies_on_the_fourth(self, delivery):
        calls["n"] += 1
        if calls["n"] == 4:
            raise SystemExit("worker killed")
        return real(self, delivery)

    monkeypatch.setattr(mail.IssueRenderer, "message", dies_on_the_fourth)
    with pytest.raises(SystemExit):
        send_pending()
    assert len(smtp.raw) == 3
    assert Delivery.objects.pending().count() == 3  # the killed one rolled back: it waits
    monkeypatch.setattr(mail.IssueRenderer, "message", real)
    call_command("newsletters", "--until-empty", stdout=io.StringIO())
    recipients = sorted(m["To"] for m in smtp.messages)
    assert recipients == sorted(f"r{n}@example.org" for n in range(6))


def test_the_hourly_budget_holds_back_the_rest_until_the_next_hour(smtp, blog, settings):
    settings.NEWSLETTERS_PER_HOUR = 2
    ml = list_for_blog(blog=blog)
    for n in range(3):
        subscriber(ml, f"r{n}@example.org")
    issue = Issue.objects.create(mailing_list=ml, kind=Issue.Kind.POST, post=PostFactory(blog=blog))
    from chaikhana.newsletters.actions import queue_issue

    queue_issue(issue=issue)
    assert send_pending() == 2
    assert send_pending() == 0  # the hour's budget is spent
    assert len(smtp.raw) == 2
    assert Delivery.objects.pending().count() == 1
    Delivery.objects.filter(status="sent").update(sent_at=timezone.now() - timedelta(hours=2))
    assert send_pending() == 1


def test_a_digest_gathers_the_days_posts_and_none_is_made_for_an_empty_day(smtp, blog, run_tasks):
    ml = list_for_blog(blog=blog)
    subscriber(ml, "daily@example.org", frequency=Subscription.Frequency.DAILY)
    now = timezone.now()
    yesterday = now - timedelta(days=1)
    assert open_digests(now=now) == []  # nothing new yesterday: no message
    PostFactory(blog=blog, title="First", published_at=yesterday.replace(hour=10))
    PostFactory(blog=blog, title="Second", published_at=yesterday.replace(hour=11))
    with run_tasks():
        assert len(open_digests(now=now)) == 1
    assert open_digests(now=now) == []  # once per period
    [message] = smtp.to("daily@example.org")
    text = message.get_body(("plain",)).get_content()
    assert "First" in text and "Second" in text
    assert "2 new posts" in message["Subject"]


def test_a_tag_list_gets_posts_of_listed_blogs_with_that_tag(smtp, blog, user, run_tasks):
    from chaikhana.core.testing.factories import TagFactory

    subscriber(list_for_tag(slug="vybory"), "tags@example.org")
    post = draft(blog)
    post.tags.add(TagFactory(blog=blog, name="выборы", slug="vybory"))
    with run_tasks():
        publish_post(post=post, by=user)
    assert len(smtp.to("tags@example.org")) == 1


def test_pictures_are_small_or_absent_as_the_subscriber_chose(smtp, blog, user, run_tasks):
    ml = list_for_blog(blog=blog)
    subscriber(ml, "small@example.org", images="small")
    subscriber(ml, "none@example.org", images="none")
    post = draft(blog, body_source='Look: ![the lake](/media/lake.jpg "Lake")')
    with run_tasks():
        publish_post(post=post, by=user)
    small = smtp.to("small@example.org")[0].get_body(("html",)).get_content()
    none = smtp.to("none@example.org")[0].get_body(("html",)).get_content()
    assert 'src="https://chaikhana.example/media/lake.jpg"' in small and 'width="480"' in small
    assert "<img" not in none and "[the lake]" in none


def test_an_excerpt_blog_sends_the_summary_only(smtp, blog, user, run_tasks):
    blog.feed_full_text = False
    blog.save()
    subscriber(list_for_blog(blog=blog), "reader@example.org")
    post = draft(blog, body_source="Secret middle part.", excerpt="Just the start.")
    with run_tasks():
        publish_post(post=post, by=user)
    text = smtp.messages[0].get_body(("plain",)).get_content()
    assert "Just the start." in text and "Secret middle part." not in text


def test_a_reader_who_left_after_queueing_gets_nothing_and_a_refusing_server_is_retried(
    smtp, blog, monkeypatch
):
    from chaikhana.newsletters import mail
    from chaikhana.newsletters.actions import queue_issue

    ml = list_for_blog(blog=blog)
    left = subscriber(ml, "left@example.org")
    subscriber(ml, "stays@example.org")
    issue = Issue.objects.create(mailing_list=ml, kind=Issue.Kind.POST, post=PostFactory(blog=blog))
    queue_issue(issue=issue)
    left.status = Subscription.Status.UNSUBSCRIBED
    left.save()
    real = mail.SignedMessage.send

    def refused(self, *args, **kwargs):
        raise OSError("421 try later")

    monkeypatch.setattr(mail.SignedMessage, "send", refused)
    assert send_pending() == 0
    waiting = Delivery.objects.get(subscription__email="stays@example.org")
    assert (waiting.status, waiting.attempts) == (Delivery.Status.PENDING, 1)
    assert Delivery.objects.get(subscription=left).status == Delivery.Status.SKIPPED
    monkeypatch.setattr(mail.SignedMessage, "send", real)
    assert send_pending() == 1
    assert [m["To"] for m in smtp.messages] == ["stays@example.org"]
