"""The inboxes: a signed activity from a real (loopback) server does what it says; anything
unsigned, badly signed, replayed, oversized, malformed or flooding is refused with its status
and leaves nothing behind."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from chaikhana.blogs.models import Blog
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import PostFactory
from chaikhana.federation.models import (
    BlockedActor,
    Follower,
    InstancePolicy,
    Reaction,
    RemoteActor,
    RemoteReply,
)

pytestmark = pytest.mark.django_db


def actor_of(blog):
    return f"http://testserver/ap/@{blog.name}"


def object_of(post):
    return f"http://testserver/ap/posts/{post.pk}"


def nothing_stored():
    return not (Follower.objects.exists() or Reaction.objects.exists() or Comment.objects.exists())


class FollowTests:
    def test_a_follow_is_accepted_and_answered(self, client, peer, blog, run_tasks):
        with run_tasks():
            response = peer.post(client, peer.activity("Follow", actor_of(blog)))
        assert response.status_code == 202
        follower = Follower.objects.get(blog=blog)
        assert follower.state == Follower.State.ACCEPTED
        accept = peer.delivered()[0]
        assert accept["type"] == "Accept"
        assert accept["object"]["id"] == peer.activity("Follow", "")["id"]
        assert [r.path for r in peer.server.requests if r.method == "POST"] == [
            "/users/alice/inbox"
        ]
        assert "Signature" in peer.server.requests[-1].headers

    def test_an_owner_who_approves_followers_keeps_them_waiting(self, client, peer, blog):
        from chaikhana.federation.models import BlogFederation

        BlogFederation.objects.create(blog=blog, approve_followers=True)
        assert peer.post(client, peer.activity("Follow", actor_of(blog))).status_code == 202
        assert Follower.objects.get(blog=blog).state == Follower.State.PENDING
        assert peer.delivered() == []

    def test_undo_follow_removes_the_follower(self, client, peer, blog):
        follow = peer.activity("Follow", actor_of(blog))
        peer.post(client, follow)
        response = peer.post(client, peer.activity("Undo", follow, suffix="u"))
        assert response.status_code == 202
        assert not Follower.objects.exists()

    def test_a_follow_of_a_private_blog_stores_nothing(self, client, peer):
        hidden = Blog.objects.create(
            name="hidden", title="Hidden", language="ru", visibility="private"
        )
        assert peer.post(client, peer.activity("Follow", actor_of(hidden))).status_code == 202
        assert nothing_stored()


class ReactionTests:
    def test_likes_and_boosts_are_counted_once(self, client, peer, post):
        peer.post(client, peer.activity("Like", object_of(post)))
        peer.post(client, peer.activity("Like", object_of(post), suffix="again"))
        peer.post(client, peer.activity("Announce", object_of(post)))
        assert Reaction.objects.filter(post=post, kind="like").count() == 1
        assert Reaction.objects.filter(post=post, kind="announce").count() == 1

    def test_undo_like_takes_it_back(self, client, peer, post):
        like = peer.activity("Like", object_of(post))
        peer.post(client, like)
        peer.post(client, peer.activity("Undo", like, suffix="u"))
        assert not Reaction.objects.exists()

    def test_a_stored_post_page_shows_the_new_count_when_a_like_and_its_undo_arrive(
        self, client, peer, post, run_tasks
    ):
        url = post.get_absolute_url()
        client.get(url)  # the first visit learns what the page depends on, the second stores it
        assert "fediverse-reactions" not in client.get(url).content.decode()
        like = peer.activity("Like", object_of(post))
        with run_tasks():
            peer.post(client, like)
        assert "1 like" in client.get(url).content.decode()
        with run_tasks():
            peer.post(client, peer.activity("Undo", like, suffix="u"))
        assert "fediverse-reactions" not in client.get(url).content.decode()


def reply(peer, post_or_uri, text="<p>Hello <script>x()</script><b>teahouse</b></p>", n="1"):
    target = post_or_uri if isinstance(post_or_uri, str) else object_of(post_or_uri)
    note = {
        "id": peer.server.url(f"/users/alice/statuses/{n}"),
        "type": "Note",
        "attributedTo": peer.actor,
        "inReplyTo": target,
        "content": text,
        "url": peer.server.url(f"/@alice/{n}"),
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
    }
    return peer.activity("Create", note, suffix=n)


class ReplyTests:
    def test_a_reply_becomes_a_held_comment_with_the_remote_name_and_link(self, client, peer, post):
        assert peer.post(client, reply(peer, post)).status_code == 202
        comment = Comment.objects.get(post=post)
        assert comment.status == Comment.Status.PENDING  # first-time commenters wait
        assert comment.name == "Alice Remote"
        assert comment.website == peer.server.url("/@alice/1")
        assert "script" not in comment.body_source and "teahouse" in comment.body_source
        assert RemoteReply.objects.get().comment == comment

    def test_update_and_delete_of_the_reply_follow_it(self, client, peer, post):
        created = reply(peer, post)
        peer.post(client, created)
        note = dict(created["object"], content="<p>Changed my mind</p>")
        peer.post(client, peer.activity("Update", note, suffix="u"))
        comment = Comment.objects.get()
        assert "Changed my mind" in comment.body_source
        assert comment.edited_at is not None
        peer.post(client, peer.activity("Delete", note["id"], suffix="d"))
        comment.refresh_from_db()
        assert comment.status == Comment.Status.TRASH

    @pytest.mark.parametrize("status", ["private", "draft"])
    def test_a_reply_to_a_post_that_is_not_public_stores_nothing(self, client, peer, blog, status):
        hidden = PostFactory(blog=blog, status=status)
        assert peer.post(client, reply(peer, hidden)).status_code == 202
        assert nothing_stored()

    def test_a_reply_to_a_deleted_post_stores_nothing(self, client, peer, post):
        target = object_of(post)
        post.delete()
        assert peer.post(client, reply(peer, target)).status_code == 202
        assert nothing_stored()

    def test_a_reply_pointing_at_a_private_address_is_refused(self, client, peer, post):
        # A known actor (its key cached) on a private address sends only the object's URL:
        # fetching it would reach into a private network, so nothing is fetched or stored.
        from django.utils import timezone

        private = "http://10.0.0.7/users/alice"
        RemoteActor.objects.create(
            uri=private,
            host="10.0.0.7",
            inbox=f"{private}/inbox",
            key_id=f"{private}#main-key",
            public_pem=peer.public_pem,
            fetched_at=timezone.now(),
        )
        peer.server.requests.clear()
        activity = peer.activity("Create", "http://10.0.0.7/users/alice/statuses/1")
        activity["actor"] = private
        body = json.dumps(activity).encode()
        from chaikhana.federation import signatures

        headers = signatures.sign(
            private_pem=peer.private_pem,
            key_id=f"{private}#main-key",
            method="POST",
            url_host="testserver",
            path="/ap/inbox",
            body=body,
        )
        headers.pop("Host")
        response = client.post(
            "/ap/inbox", data=body, content_type="application/activity+json", headers=headers
        )
        assert response.status_code == 400
        assert nothing_stored()

    def test_a_look_alike_address_on_another_server_is_not_our_post(self, client, peer, post):
        look_alike = f"https://elsewhere.example/ap/posts/{post.pk}"
        assert peer.post(client, reply(peer, look_alike)).status_code == 202
        assert peer.post(client, peer.activity("Like", look_alike)).status_code == 202
        assert nothing_stored()

    def test_an_object_on_another_host_is_ignored(self, client, peer, post):
        activity = reply(peer, post)
        activity["object"]["id"] = "https://elsewhere.example/notes/1"
        assert peer.post(client, activity).status_code == 202
        assert nothing_stored()


class BadInputTests:
    def test_unsigned_is_401(self, client, peer, blog):
        body = json.dumps(peer.activity("Follow", actor_of(blog)))
        response = client.post("/ap/inbox", data=body, content_type="application/activity+json")
        assert response.status_code == 401
        assert nothing_stored()

    def test_badly_signed_is_401(self, client, peer, blog):
        body = json.dumps(peer.activity("Follow", actor_of(blog))).encode()
        headers = peer.signed_headers("/ap/inbox", body)
        headers["Signature"] = headers["Signature"].replace('signature="', 'signature="AAAA')
        response = client.post(
            "/ap/inbox", data=body, content_type="application/activity+json", headers=headers
        )
        assert response.status_code == 401
        assert nothing_stored()

    def test_a_body_changed_after_signing_fails_its_digest(self, client, peer, blog):
        body = json.dumps(peer.activity("Follow", actor_of(blog))).encode()
        headers = peer.signed_headers("/ap/inbox", body)
        tampered = body.replace(b"Follow", b"Block")
        response = client.post(
            "/ap/inbox", data=tampered, content_type="application/activity+json", headers=headers
        )
        assert response.status_code == 401
        assert nothing_stored()

    def test_a_replayed_request_is_401(self, client, peer, blog):
        body = json.dumps(peer.activity("Like", "x")).encode()
        headers = peer.signed_headers("/ap/inbox", body)
        kwargs = {"data": body, "content_type": "application/activity+json", "headers": headers}
        assert client.post("/ap/inbox", **kwargs).status_code == 202
        assert client.post("/ap/inbox", **kwargs).status_code == 401

    def test_an_old_date_is_401(self, client, peer, blog):
        from chaikhana.federation import signatures

        body = json.dumps(peer.activity("Follow", actor_of(blog))).encode()
        headers = signatures.sign(
            private_pem=peer.private_pem,
            key_id=peer.key_id,
            method="POST",
            url_host="testserver",
            path="/ap/inbox",
            body=body,
            now=datetime.now(UTC) - timedelta(hours=3),
        )
        headers.pop("Host")
        response = client.post(
            "/ap/inbox", data=body, content_type="application/activity+json", headers=headers
        )
        assert response.status_code == 401
        assert nothing_stored()

    def test_oversized_is_413(self, client, peer, settings, blog):
        settings.FEDERATION_MAX_INBOX_BYTES = 1000
        activity = peer.activity("Follow", actor_of(blog))
        activity["padding"] = "x" * 2000
        assert peer.post(client, activity).status_code == 413
        assert nothing_stored()

    def test_malformed_json_is_400(self, client, peer, blog):
        assert peer.post(client, b'{"type": "Follow", ').status_code == 400
        assert nothing_stored()

    def test_wrong_content_type_is_415(self, client, peer, blog):
        body = json.dumps(peer.activity("Follow", actor_of(blog))).encode()
        headers = peer.signed_headers("/ap/inbox", body)
        response = client.post("/ap/inbox", data=body, content_type="text/plain", headers=headers)
        assert response.status_code == 415
        assert nothing_stored()

    def test_an_unfetchable_key_is_401(self, client, peer, blog):
        peer.server.route("/users/alice", status=404)
        assert peer.post(client, peer.activity("Follow", actor_of(blog))).status_code == 401
        assert nothing_stored() and not RemoteActor.objects.exists()

    def test_a_key_on_a_private_address_is_never_fetched(self, client, peer, settings, blog):
        settings.SAFEHTTP_ALLOW_LOOPBACK = False
        assert peer.post(client, peer.activity("Follow", actor_of(blog))).status_code == 401
        assert peer.server.requests == []
        assert nothing_stored()

    def test_an_activity_signed_by_someone_else_is_401(self, client, peer, blog):
        activity = peer.activity("Follow", actor_of(blog))
        activity["actor"] = "https://mastodon.example/users/bob"
        assert peer.post(client, activity).status_code == 401
        assert nothing_stored()

    def test_a_flood_from_one_server_is_429(self, client, peer, settings, blog):
        settings.FEDERATION_INBOX_RATE_PER_MINUTE = 2
        codes = [
            peer.post(client, peer.activity("Like", "x", suffix=str(n))).status_code
            for n in range(3)
        ]
        assert codes == [202, 202, 429]

    def test_unknown_activities_are_accepted_and_ignored(self, client, peer, blog):
        assert peer.post(client, peer.activity("Listen", "x")).status_code == 202
        assert nothing_stored()

    def test_a_key_rotated_since_we_cached_it_is_fetched_again(self, client, peer, blog):
        from chaikhana.federation.tests.conftest import remote_keys

        peer.post(client, peer.activity("Like", "x", suffix="first"))
        peer.private_pem, peer.public_pem = remote_keys(1)
        peer.publish()
        response = peer.post(client, peer.activity("Follow", actor_of(blog)))
        assert response.status_code == 202
        assert RemoteActor.objects.get().public_pem == peer.public_pem


class ServerRuleTests:
    def test_a_blocked_server_is_refused_before_its_key_is_fetched(self, client, peer, blog):
        InstancePolicy.objects.create(host="127.0.0.1", mode="block")
        assert peer.post(client, peer.activity("Follow", actor_of(blog))).status_code == 403
        assert peer.server.requests == [] and nothing_stored()

    def test_a_limited_servers_follows_wait_and_likes_do_not_count(self, client, peer, blog, post):
        InstancePolicy.objects.create(host="127.0.0.1", mode="limit")
        peer.post(client, peer.activity("Follow", actor_of(blog)))
        peer.post(client, peer.activity("Like", object_of(post)))
        assert Follower.objects.get().state == "pending"
        assert not Reaction.objects.exists()

    def test_an_actor_the_owner_blocked_cannot_follow_or_reply(self, client, peer, blog, post):
        BlockedActor.objects.create(blog=blog, uri=peer.actor)
        peer.post(client, peer.activity("Follow", actor_of(blog)))
        peer.post(client, reply(peer, post))
        assert nothing_stored()
