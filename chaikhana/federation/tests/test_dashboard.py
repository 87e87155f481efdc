"""The owner's fediverse page and the staff's server rules."""

import pytest
from django.utils import timezone

from chaikhana.core.testing.factories import MembershipFactory, UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.federation.models import (
    BlockedActor,
    Delivery,
    Follower,
    InstancePolicy,
    RemoteActor,
    SentArticle,
)
from chaikhana.network.models import AuditEntry

pytestmark = pytest.mark.django_db


def remote(n, host="social.example"):
    return RemoteActor.objects.create(
        uri=f"https://{host}/users/u{n}",
        host=host,
        inbox=f"https://{host}/users/u{n}/inbox",
        name=f"Reader {n}",
        handle=f"u{n}@{host}",
        key_id=f"https://{host}/users/u{n}#k",
        public_pem="x",
        fetched_at=timezone.now(),
    )


def url(blog):
    return f"/dashboard/@{blog.name}/fediverse/"


class OwnerPageTests:
    def test_the_owner_sees_followers_counts_and_deliveries(
        self, client, blog, user, post, django_assert_max_num_queries
    ):
        for n in range(5):
            Follower.objects.create(
                blog=blog, remote=remote(n), state="accepted", follow_uri=f"https://x/{n}"
            )
        Follower.objects.create(blog=blog, remote=remote(9), follow_uri="https://x/9")
        SentArticle.objects.create(post_id=post.pk, blog=blog, version=1)
        for host, status in [
            ("a.example", "delivered"),
            ("b.example", "delivered"),
            ("c.example", "failed"),
        ]:
            Delivery.objects.create(
                blog=blog,
                post_id=post.pk,
                activity={},
                inbox=f"https://{host}/inbox",
                host=host,
                status=status,
            )
        client.force_login(user)
        with django_assert_max_num_queries(20):
            page = client.get(url(blog)).content.decode()
        assert "5 followers" in page and "1 waiting" in page
        assert "u3@social.example" in page
        assert "delivered to 2 servers" in page and "1 failing" in page

    def test_a_member_who_is_not_the_owner_is_refused(self, client, blog):
        author = UserFactory()
        MembershipFactory(blog=blog, user=author)
        client.force_login(author)
        assert client.get(url(blog)).status_code == 403

    def test_approve_accept_remove_and_block(self, client, blog, user, loopback):
        waiting = Follower.objects.create(
            blog=blog, remote=remote(1, "127.0.0.1"), follow_uri="https://x/1"
        )
        client.force_login(user)
        client.post(f"{url(blog)}followers/{waiting.pk}/accept/")
        waiting.refresh_from_db()
        assert waiting.state == "accepted"
        client.post(f"{url(blog)}followers/{waiting.pk}/block/")
        assert not Follower.objects.exists()
        assert BlockedActor.objects.filter(blog=blog, uri=waiting.remote.uri).exists()

    def test_another_blogs_follower_is_not_found(self, client, blog, user):
        from chaikhana.core.testing.factories import BlogFactory

        other = Follower.objects.create(
            blog=BlogFactory(), remote=remote(1), follow_uri="https://x/1"
        )
        client.force_login(user)
        assert client.post(f"{url(blog)}followers/{other.pk}/remove/").status_code == 404

    def test_switching_federation_off_removes_the_actor(self, client, blog, user, run_tasks):
        client.force_login(user)
        with run_tasks():
            client.post(url(blog), {"approve_followers": "on"})
        assert client.get(f"/ap/@{blog.name}").status_code == 404
        with run_tasks():
            client.post(url(blog), {"enabled": "on", "approve_followers": "on"})
        assert client.get(f"/ap/@{blog.name}").json()["manuallyApprovesFollowers"] is True


class NetworkRulesTests:
    def test_staff_block_a_server_audited_and_its_followers_go(self, client, blog):
        staff = UserFactory(is_staff=True)
        log_in_verified(client, staff)
        Follower.objects.create(
            blog=blog, remote=remote(1, "bad.example"), state="accepted", follow_uri="https://x"
        )
        response = client.post(
            "/network/fediverse/", {"host": "Bad.Example", "mode": "block", "note": "spam wave"}
        )
        assert response.status_code == 302
        assert InstancePolicy.objects.mode_for("sub.bad.example") == "block"
        assert not Follower.objects.exists()
        assert AuditEntry.objects.filter(action="fediverse.server_blocked").exists()

    def test_a_bad_host_stays_in_the_form_with_a_message(self, client):
        log_in_verified(client, UserFactory(is_staff=True))
        response = client.post("/network/fediverse/", {"host": "not a host", "mode": "block"})
        assert response.status_code == 400
        assert (
            "Give a server" in response.content.decode()
            and 'value="not a host"' in response.content.decode()
        )

    def test_people_who_are_not_staff_are_refused(self, client, user):
        client.force_login(user)
        assert client.get("/network/fediverse/").status_code == 403
