"""Activities as Mastodon, Pleroma, Misskey, WordPress and Ghost send them (fixtures/, see
its README): each is signed by a loopback server playing that implementation's actor, posted
to our inbox, and does what a reader there meant."""

import json
from pathlib import Path

import pytest

from chaikhana.comments.models import Comment
from chaikhana.federation.models import Follower, Reaction, RemoteActor, RemoteReply
from chaikhana.network.reports.models import Report

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
ACTOR_PATHS = {
    "mastodon": "/users/alice",
    "pleroma": "/users/alice",
    "misskey": "/users/9xq1a2b3c4",
    "wordpress": "/?author=1",
    "ghost": "/.ghost/activitypub/users/index",
}


@pytest.fixture
def send(client, peer, post):
    """send("mastodon/like.json") posts the fixture as that server's actor; returns the status."""

    def post_fixture(name: str) -> int:
        peer.actor_path = ACTOR_PATHS[name.split("/")[0]]
        peer.publish()
        blog = post.blog
        text = (FIXTURES / name).read_text()
        for key, value in {
            "{actor}": peer.actor,
            "{peer}": peer.server.url("").rstrip("/"),
            "{host}": "127.0.0.1",
            "{blog}": f"http://testserver/ap/@{blog.name}",
            "{blog_url}": f"http://testserver/@{blog.name}/",
            "{blog_name}": blog.name,
            "{post}": f"http://testserver/ap/posts/{post.pk}",
        }.items():
            text = text.replace(key, value)
        return peer.post(client, json.loads(text)).status_code

    return post_fixture


@pytest.mark.parametrize("server", ["mastodon", "misskey", "wordpress", "ghost"])
def test_a_follow_is_accepted(send, peer, post, server, run_tasks):
    with run_tasks():
        assert send(f"{server}/follow.json") == 202
    assert Follower.objects.get(blog=post.blog).state == "accepted"
    assert [a["type"] for a in peer.delivered()] == ["Accept"]


def test_mastodon_undo_follow(send):
    send("mastodon/follow.json")
    assert send("mastodon/undo-follow.json") == 202
    assert not Follower.objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "mastodon/like.json",
        "pleroma/like.json",
        "misskey/like-with-reaction.json",
        "ghost/like.json",
    ],
)
def test_a_like_is_counted(send, post, name):
    assert send(name) == 202
    assert Reaction.objects.get().kind == "like"
    assert Reaction.objects.get().post == post


def test_mastodon_undo_like_with_a_compact_object(send):
    send("mastodon/like.json")
    assert send("mastodon/undo-like-compact.json") == 202
    assert not Reaction.objects.exists()


def test_mastodon_announce_is_a_boost(send):
    assert send("mastodon/announce.json") == 202
    assert Reaction.objects.get().kind == "announce"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("mastodon/create-reply.json", "bazaar prices"),
        ("pleroma/create-reply.json", "good reporting"),
        ("misskey/create-reply.json", "Очень полезно"),
        ("wordpress/create-reply.json", "your numbers match ours"),
        ("ghost/create-reply.json", "Linking this from our newsletter"),
    ],
)
def test_a_reply_becomes_a_held_comment(send, post, name, words):
    assert send(name) == 202
    comment = Comment.objects.get(post=post)
    assert comment.status == Comment.Status.PENDING
    assert words in comment.body_source
    assert comment.name == "Alice Remote"
    assert comment.website.startswith("http://127.0.0.1:")
    assert "<img" not in comment.body_html  # remote media is a link, never an image
    assert RemoteReply.objects.get().comment == comment


def test_mastodon_reply_attachment_becomes_a_described_link(send):
    send("mastodon/create-reply.json")
    body = Comment.objects.get().body_source
    assert "[A stall of dried apricots at the Osh bazaar](http://127.0.0.1:" in body


def test_mastodon_update_and_delete_of_a_reply(send):
    send("mastodon/create-reply.json")
    assert send("mastodon/update-reply.json") == 202
    assert "it was Sunday" in Comment.objects.get().body_source
    assert send("mastodon/delete-reply.json") == 202
    assert Comment.objects.get().status == Comment.Status.TRASH


def test_mastodon_block_ends_the_follow(send):
    send("mastodon/follow.json")
    assert send("mastodon/block.json") == 202
    assert not Follower.objects.exists()


def test_mastodon_flag_files_an_abuse_report(send, post):
    assert send("mastodon/flag.json") == 202
    report = Report.objects.get()
    assert report.post == post
    assert "Copies a news story without credit" in report.note


def test_mastodon_move_takes_the_follow_to_the_new_account(send, peer, post):
    send("mastodon/follow.json")
    new = dict(peer.actor_json(), id=peer.server.url("/users/alice2"), alsoKnownAs=[peer.actor])
    new["publicKey"] = dict(new["publicKey"], id=f"{new['id']}#main-key", owner=new["id"])
    peer.server.route(
        "/users/alice2",
        headers=[("Content-Type", "application/activity+json")],
        body=json.dumps(new),
    )
    assert send("mastodon/move.json") == 202
    assert Follower.objects.get(blog=post.blog).remote.uri == new["id"]


def test_a_move_to_an_account_that_does_not_claim_the_old_one_is_ignored(send, peer, post):
    send("mastodon/follow.json")
    stranger = dict(peer.actor_json(), id=peer.server.url("/users/alice2"))
    stranger["publicKey"] = dict(
        stranger["publicKey"], id=f"{stranger['id']}#main-key", owner=stranger["id"]
    )
    peer.server.route(
        "/users/alice2",
        headers=[("Content-Type", "application/activity+json")],
        body=json.dumps(stranger),
    )
    send("mastodon/move.json")
    assert Follower.objects.get(blog=post.blog).remote.uri == peer.actor


def test_mastodon_account_deletion_removes_its_follows_and_likes(send):
    send("mastodon/follow.json")
    send("mastodon/like.json")
    assert send("mastodon/delete-account.json") == 202
    assert not RemoteActor.objects.exists()
    assert not Follower.objects.exists() and not Reaction.objects.exists()
