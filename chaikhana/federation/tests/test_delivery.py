"""Outbound: publishing, editing, deleting and hiding posts reach each following server once,
signed, from tasks; failures are retried with growing waits and dead servers skipped."""

import json

import pytest
from django.utils import timezone

from chaikhana.blogs.actions.blogs import update_blog
from chaikhana.blogs.actions.posts.content import PostContent
from chaikhana.blogs.actions.posts.deleting import delete_post
from chaikhana.blogs.actions.posts.status import publish_post, unpublish_post
from chaikhana.blogs.actions.posts.writing import create_post, edit_post
from chaikhana.federation import delivery
from chaikhana.federation.models import Delivery, Follower, Instance, RemoteActor

pytestmark = pytest.mark.django_db


def follow(blog, peer, name="alice"):
    remote = RemoteActor.objects.create(
        uri=peer.server.url(f"/users/{name}"),
        host="127.0.0.1",
        inbox=peer.server.url(f"/users/{name}/inbox"),
        shared_inbox=peer.server.url("/inbox"),
        key_id=peer.server.url(f"/users/{name}#main-key"),
        public_pem=peer.public_pem,
        fetched_at=timezone.now(),
    )
    return Follower.objects.create(
        blog=blog, remote=remote, state="accepted", follow_uri=f"{remote.uri}/f"
    )


def sent(peer):
    return [(r.path, json.loads(r.body)) for r in peer.server.requests if r.method == "POST"]


@pytest.fixture
def draft(blog, user, loopback):
    return create_post(
        blog=blog, by=user, content=PostContent(title="Tea prices", body_source="Up *again*.")
    )


class PublishTests:
    def test_publishing_sends_one_signed_create_per_server(
        self, peer, blog, user, draft, run_tasks
    ):
        follow(blog, peer, "alice")
        follow(blog, peer, "bob")  # same server: one delivery to its shared inbox
        with run_tasks():
            publish_post(post=draft, by=user)
        deliveries = sent(peer)
        assert [path for path, _ in deliveries] == ["/inbox"]
        activity = deliveries[0][1]
        assert activity["type"] == "Create"
        assert activity["object"]["type"] == "Article"
        assert activity["object"]["name"] == "Tea prices"
        assert "<em>again</em>" in activity["object"]["content"]
        request = next(r for r in peer.server.requests if r.method == "POST")
        assert request.headers["Content-Type"] == "application/activity+json"
        assert 'headers="(request-target) host date digest"' in request.headers["Signature"]
        assert Delivery.objects.for_post(draft.pk).summary()["delivered"] == 1

    def test_an_edit_sends_update_and_an_unchanged_save_sends_nothing(
        self, peer, blog, user, draft, run_tasks
    ):
        follow(blog, peer)
        with run_tasks():
            publish_post(post=draft, by=user)
        draft.refresh_from_db()
        with run_tasks():
            edit_post(
                post=draft,
                by=user,
                content=PostContent(title="Tea prices, again"),
                base_version=draft.version,
            )
        kinds = [a["type"] for _, a in sent(peer)]
        assert kinds == ["Create", "Update"]
        assert sent(peer)[1][1]["object"]["name"] == "Tea prices, again"

    def test_unpublishing_and_deleting_send_delete(self, peer, blog, user, draft, run_tasks):
        follow(blog, peer)
        with run_tasks():
            publish_post(post=draft, by=user)
        with run_tasks():
            unpublish_post(post=draft, by=user)
        with run_tasks():
            delete_post(post=draft, by=user)  # already withdrawn: nothing more
        kinds = [(a["type"], a["object"].get("type")) for _, a in sent(peer)]
        assert kinds == [("Create", "Article"), ("Delete", "Tombstone")]

    def test_a_blog_made_private_deletes_what_it_federated(
        self, peer, blog, user, draft, run_tasks
    ):
        follow(blog, peer)
        with run_tasks():
            publish_post(post=draft, by=user)
        with run_tasks():
            update_blog(blog=blog, by=user, visibility="private")
        assert [a["type"] for _, a in sent(peer)] == ["Create", "Delete"]

    def test_a_pseudonymous_writers_account_is_nowhere_in_what_leaves(
        self, peer, blog, user, draft, run_tasks
    ):
        follow(blog, peer)
        with run_tasks():
            publish_post(post=draft, by=user)
        raw = b"".join(r.body for r in peer.server.requests)
        assert raw and user.username.encode() not in raw

    def test_a_suspended_blog_stops_delivering(self, peer, blog, user, draft, run_tasks):
        follow(blog, peer)
        blog.is_active = False
        blog.save()
        with run_tasks():
            publish_post(post=draft, by=user)
        assert sent(peer) == []


class RetryTests:
    def test_a_server_error_is_retried_with_growing_waits(self, peer, blog, user, draft, run_tasks):
        peer.server.route("/inbox", status=503)
        follow(blog, peer)
        with run_tasks():
            publish_post(post=draft, by=user)
        row = Delivery.objects.get()
        # The immediate test backend cannot wait: every try runs at once, until the cap.
        assert row.attempts == 8
        assert row.status == Delivery.Status.FAILED
        assert Instance.objects.get(host="127.0.0.1").failing_since is not None
        assert [delivery.retry_wait(n).total_seconds() for n in (1, 2, 8)] == [60, 240, 60 * 4**7]

    def test_a_refusal_is_not_retried(self, peer, blog, user, draft, run_tasks):
        peer.server.route("/inbox", status=403)
        follow(blog, peer)
        with run_tasks():
            publish_post(post=draft, by=user)
        assert Delivery.objects.get().attempts == 1

    def test_a_dead_server_is_skipped(self, peer, blog, user, draft, run_tasks):
        follow(blog, peer)
        Instance.objects.create(
            host="127.0.0.1", failing_since=timezone.now() - timezone.timedelta(days=30)
        )
        with run_tasks():
            publish_post(post=draft, by=user)
        assert sent(peer) == [] and not Delivery.objects.exists()


class NetworkSwitchTests:
    def test_with_the_network_switch_off_nothing_leaves_and_inboxes_are_gone(
        self, client, settings, peer, blog, user, draft, run_tasks
    ):
        follow(blog, peer)
        with run_tasks():
            publish_post(post=draft, by=user)
        settings.FEDERATION_ENABLED = False
        with run_tasks():
            unpublish_post(post=draft, by=user)
        assert [a["type"] for _, a in sent(peer)] == ["Create"]
        assert peer.post(client, peer.activity("Like", "x")).status_code == 404
