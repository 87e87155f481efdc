"""Webhooks end to end against a real HTTP receiver on loopback: subscribe in the dashboard,
publish, and the receiver gets a message the Standard Webhooks reference library verifies,
carrying pen names only; private targets refused at save and at send; back-off; the log and
the "send a test" button; who may subscribe."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from chaikhana.blogs.actions import PostRequest, delete_post, save_requested_post
from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.comments.actions.posting import CommentInput, post_comment
from chaikhana.core.testing.factories import MembershipFactory, PostFactory, UserFactory
from chaikhana.core.testing.localserver import LocalServer
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.courses.actions import register
from chaikhana.courses.tests.factories import SessionFactory
from chaikhana.network.models import AuditEntry
from chaikhana.webhooks import actions
from chaikhana.webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver(settings):
    settings.SAFEHTTP_ALLOW_LOOPBACK = True
    with LocalServer() as server:
        server.route("/hook", status=204)
        yield server


@pytest.fixture
def owner(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def subscribe(client, blog, url, events=("post.published", "post.updated", "post.deleted")):
    return client.post(f"/dashboard/@{blog.name}/webhooks/", {"url": url, "events": list(events)})


def received(server):
    return [r for r in server.requests if r.method == "POST"]


def assert_private(body, user):
    for value in (user.username, user.email, user.first_name, user.last_name):
        assert not value or value not in body


def verify(endpoint, request):
    return Webhook(endpoint.secret).verify(request.body, request.headers)


class DeliveryTests:
    def test_a_published_post_reaches_the_app_signed_and_under_the_pen_name(
        self, owner, blog, user, receiver, committed
    ):
        with committed():
            response = subscribe(owner, blog, receiver.url("/hook"))
        endpoint = Endpoint.objects.get()
        assert response.status_code == 302 and endpoint.secret.startswith("whsec_")
        request = PostRequest(title="Новости", body_source="Текст", status=Post.Status.PUBLISHED)
        with committed():
            post = save_requested_post(blog=blog, by=user, request=request)
        (call,) = received(receiver)
        message = verify(endpoint, call)
        assert message["type"] == "post.published"
        assert message["data"]["byline"] == blog.memberships.get(user=user).pen_name
        assert message["data"]["url"].endswith(post.get_absolute_url())
        assert_private(call.body.decode(), user)
        assert call.headers["webhook-signature"].startswith("v1,")
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.response_status) == ("delivered", 204)

        with committed():
            request.title = "Новости, исправлено"
            save_requested_post(blog=blog, by=user, request=request, post=post)
        with committed():
            delete_post(post=Post.objects.get(pk=post.pk), by=user)
        kinds = [json.loads(r.body)["type"] for r in received(receiver)]
        assert kinds == ["post.published", "post.updated", "post.deleted"]

    def test_a_tampered_message_fails_verification(self, owner, blog, user, receiver, committed):
        with committed():
            subscribe(owner, blog, receiver.url("/hook"))
            owner.post(f"/dashboard/@{blog.name}/webhooks/{Endpoint.objects.get().pk}/test/")
        (call,) = received(receiver)
        assert verify(Endpoint.objects.get(), call)["type"] == "webhook.test"
        with pytest.raises(WebhookVerificationError):
            Webhook(Endpoint.objects.get().secret).verify(call.body + b" ", call.headers)

    def test_a_comment_reaches_the_blog_before_moderation(
        self, owner, blog, user, receiver, committed
    ):
        post = PostFactory(blog=blog, status=Post.Status.PUBLISHED)
        with committed():
            subscribe(owner, blog, receiver.url("/hook"), events=("comment.received",))
        reader = UserFactory()
        with committed():
            post_comment(post=post, by=reader, data=CommentInput(body="Салам!"))
        (call,) = received(receiver)
        data = json.loads(call.body)["data"]
        assert json.loads(call.body)["type"] == "comment.received"
        assert data["post"]["id"] == post.pk and reader.username not in call.body.decode()

    def test_the_network_hears_registrations_without_the_persons_name(
        self, client, receiver, committed
    ):
        staff = UserFactory(is_staff=True)
        log_in_verified(client, staff)
        with committed():
            response = client.post(
                "/network/webhooks/",
                {"url": receiver.url("/hook"), "events": ["registration.created"]},
            )
        assert response.status_code == 302
        assert AuditEntry.objects.filter(action="webhook.created").exists()
        person = UserFactory(first_name="Айгерим")
        with committed():
            register(session=SessionFactory(), user=person)
        (call,) = received(receiver)
        body = call.body.decode()
        assert json.loads(body)["type"] == "registration.created"
        assert_private(body, person)
        assert "Айгерим" not in body


class RefusalTests:
    @pytest.mark.parametrize(
        "url", ["http://10.1.2.3/hook", "http://192.168.0.1/hook", "http://127.0.0.1:8080/hook"]
    )
    def test_private_targets_are_refused_at_save_with_the_reason(self, owner, blog, url):
        response = subscribe(owner, blog, url)
        assert response.status_code == 200
        assert "never private or local networks" in response.content.decode()
        assert url in response.content.decode()  # the input is kept
        assert not Endpoint.objects.exists()

    def test_and_again_at_send(self, owner, blog, user, receiver, committed, settings):
        with committed():
            subscribe(owner, blog, receiver.url("/hook"))
        settings.SAFEHTTP_ALLOW_LOOPBACK = False
        with committed():
            owner.post(f"/dashboard/@{blog.name}/webhooks/{Endpoint.objects.get().pk}/test/")
        delivery = Delivery.objects.get()
        assert delivery.status == "pending" and delivery.error and not received(receiver)

    def test_choosing_no_event_is_named(self, owner, blog, receiver):
        response = subscribe(owner, blog, receiver.url("/hook"), events=())
        assert response.status_code == 200 and not Endpoint.objects.exists()

    def test_only_the_owner_manages_a_blogs_webhooks(self, client, blog):
        editor = MembershipFactory(blog=blog, role=Role.EDITOR).user
        client.force_login(editor)
        assert client.get(f"/dashboard/@{blog.name}/webhooks/").status_code == 403
        client.force_login(UserFactory(is_staff=False))
        assert client.get("/network/webhooks/").status_code == 403

    def test_another_blogs_webhook_is_not_found(self, owner, blog, user, receiver):
        other = MembershipFactory(role=Role.OWNER).blog
        theirs = actions.create_endpoint(
            blog=other, by=user, url=receiver.url("/hook"), chosen=["post.published"]
        )
        assert owner.get(f"/dashboard/@{blog.name}/webhooks/{theirs.pk}/").status_code == 404


class BackOffTests:
    def test_a_failing_receiver_is_retried_later_then_recorded(
        self, owner, blog, receiver, committed, settings
    ):
        settings.WEBHOOKS_ATTEMPTS = 3
        receiver.route("/hook", status=500)
        with committed():
            subscribe(owner, blog, receiver.url("/hook"))
            owner.post(f"/dashboard/@{blog.name}/webhooks/{Endpoint.objects.get().pk}/test/")
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.response_status) == ("pending", 1, 500)
        wait = delivery.next_attempt_at - delivery.last_attempt_at
        assert wait == timedelta(seconds=30)
        actions.deliver(delivery_id=delivery.pk)  # early: nothing happens
        assert Delivery.objects.get().attempts == 1

        Delivery.objects.update(next_attempt_at=timezone.now())
        with committed():
            actions.deliver(delivery_id=delivery.pk)
        delivery.refresh_from_db()
        wait = delivery.next_attempt_at - delivery.last_attempt_at
        assert delivery.attempts == 2 and wait == timedelta(seconds=120)

        Delivery.objects.update(next_attempt_at=timezone.now())
        with committed():
            actions.deliver(delivery_id=delivery.pk)
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == ("failed", 3)
        page = owner.get(
            f"/dashboard/@{blog.name}/webhooks/{delivery.endpoint_id}/"
        ).content.decode()
        assert "Failed" in page and "HTTP 500" in page

    def test_the_log_lists_deliveries_in_few_queries(
        self, owner, blog, receiver, committed, django_assert_max_num_queries
    ):
        with committed():
            subscribe(owner, blog, receiver.url("/hook"))
            endpoint = Endpoint.objects.get()
            for _ in range(5):
                owner.post(f"/dashboard/@{blog.name}/webhooks/{endpoint.pk}/test/")
        with django_assert_max_num_queries(12):
            page = owner.get(f"/dashboard/@{blog.name}/webhooks/{endpoint.pk}/")
        assert page.content.decode().count("webhook.test") == 5
