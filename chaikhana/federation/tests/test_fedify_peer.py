"""The journey against an independent implementation: a Fedify server on loopback
(tests/federation/peer.mjs) follows a blog, gets the post, replies, likes; the reply waits
for the owner, her approval shows it; an edit goes out as Update, a deletion as Delete, and
after the reader unfollows, nothing more reaches her. Fedify verifies every signature we send.

Needs Node and `npm ci` in tests/federation (skipped without them).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess  # nosec B404: starts our own test peer, arguments fixed
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from chaikhana.blogs.actions.posts.content import PostContent
from chaikhana.blogs.actions.posts.deleting import delete_post
from chaikhana.blogs.actions.posts.status import publish_post
from chaikhana.blogs.actions.posts.writing import create_post, edit_post
from chaikhana.comments.actions.moderating import approve_comment
from chaikhana.comments.models import Comment
from chaikhana.federation.models import Follower, Reaction

PEER_DIR = Path(__file__).resolve().parents[3] / "tests" / "federation"
pytestmark = [
    pytest.mark.peer,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        shutil.which("node") is None or not (PEER_DIR / "node_modules" / "@fedify").exists(),
        reason="the Fedify peer needs Node and `npm ci` in tests/federation",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def peer_url():
    port = _free_port()
    process = subprocess.Popen(  # nosec B603 B607: our own script, fixed arguments
        ["node", "peer.mjs", str(port)], cwd=PEER_DIR, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert "peer on" in process.stdout.readline()
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def ask(peer_url: str, action: str, **params: str):
    url = f"{peer_url}/control/{action}?{urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  # nosec B310
        return json.load(response)


def received(peer_url: str, kind: str, wanted: int = 1) -> list[dict]:
    """The activities of *kind* the peer has verified and handled (waits a little)."""
    for _ in range(50):
        found = [a for a in ask(peer_url, "received") if a["type"] == kind]
        if len(found) >= wanted:
            return found
        time.sleep(0.1)
    return found


def test_a_fedify_reader_follows_reads_replies_likes_and_leaves(
    live_server, settings, blog, user, peer_url, client
):
    settings.SITE_URL = live_server.url
    settings.SAFEHTTP_ALLOW_LOOPBACK = True
    settings.FEDERATION_UPDATE_DELAY_SECONDS = 0
    actor = f"{live_server.url}/ap/@{blog.name}"

    ask(peer_url, "follow", actor=actor)
    assert received(peer_url, "Accept")
    assert Follower.objects.get(blog=blog).state == "accepted"

    post = create_post(blog=blog, by=user, content=PostContent(title="Tea", body_source="Hot."))
    publish_post(post=post, by=user)
    creates = received(peer_url, "Create")
    assert creates and creates[0]["object"]["type"] == "Article"
    object_id = creates[0]["object"]["id"]
    assert object_id == f"{live_server.url}/ap/posts/{post.pk}"

    ask(peer_url, "reply", actor=actor, post=object_id, note="1", text="<p>From Fedify!</p>")
    ask(peer_url, "like", actor=actor, post=object_id)
    comment = Comment.objects.get(post=post)
    assert comment.status == Comment.Status.PENDING and comment.name == "Fedify Reader"
    assert Reaction.objects.filter(post=post, kind="like").count() == 1
    assert "From Fedify!" not in client.get(post.get_absolute_url()).content.decode()

    approve_comment(comment=comment, by=user)
    assert "From Fedify!" in client.get(post.get_absolute_url()).content.decode()

    ask(peer_url, "edit-reply", actor=actor, post=object_id, note="1", text="<p>Edited.</p>")
    comment.refresh_from_db()
    assert "Edited." in comment.body_source

    post.refresh_from_db()
    edit_post(
        post=post, by=user, content=PostContent(title="Tea, again"), base_version=post.version
    )
    assert received(peer_url, "Update")[0]["object"]["name"] == "Tea, again"

    post.refresh_from_db()
    delete_post(post=post, by=user)
    assert received(peer_url, "Delete")[0]["object"]["id"] == object_id

    ask(peer_url, "unfollow", actor=actor)
    assert not Follower.objects.filter(blog=blog).exists()
    later = create_post(blog=blog, by=user, content=PostContent(title="Later"))
    publish_post(post=later, by=user)
    time.sleep(0.5)
    assert len(received(peer_url, "Create")) == 1  # nothing after the unfollow
    assert not [a for a in ask(peer_url, "received") if a["type"] == "error"]


def test_fedify_lookup_parses_our_actor_post_collections_and_webfinger(live_server, settings, post):
    settings.SITE_URL = live_server.url
    base, blog = live_server.url, post.blog.name
    targets = [
        f"webfinger:{base}/ap/@{blog}",
        f"webfinger:{base}/@{blog}/",
        f"{base}/@{blog}/",
        f"{base}{post.get_absolute_url()}",
        f"{base}/ap/posts/{post.pk}",
        f"{base}/ap/@{blog}/outbox",
        f"{base}/ap/@{blog}/followers",
        f"{base}/ap/@{blog}/featured",
        f"{base}/ap/actor",
    ]
    result = subprocess.run(  # nosec B603 B607: our own script, fixed arguments
        ["node", "lookup.mjs", *targets], cwd=PEER_DIR, capture_output=True, text=True, timeout=120
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith(("OK", "FAIL"))]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines) == len(targets) and all(line.startswith("OK") for line in lines)
    assert f"-> Article {base}/ap/posts/{post.pk}" in result.stdout
