"""The portal is an actor; featuring a blogger's story boosts her original post from it,
never when the story is signed with a pseudonym."""

import json

import pytest
from django.utils import timezone

from chaikhana.federation.models import Follower, RemoteActor
from chaikhana.portal.actions.curation import feature_story
from chaikhana.portal.actions.submissions import set_byline
from chaikhana.portal.models import PortalRole
from chaikhana.portal.tests.factories import staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief():
    return staff(PortalRole.Role.EDITOR_IN_CHIEF)


def follow(blog, peer):
    remote = RemoteActor.objects.create(
        uri=peer.actor,
        host="127.0.0.1",
        inbox=peer.server.url(peer.inbox_path),
        shared_inbox=peer.server.url("/inbox"),
        key_id=peer.key_id,
        public_pem=peer.public_pem,
        fetched_at=timezone.now(),
    )
    Follower.objects.create(blog=blog, remote=remote, state="accepted", follow_uri="x")


def sent(peer):
    return [json.loads(r.body) for r in peer.server.requests if r.method == "POST"]


def test_the_portal_is_an_organization(client, settings):
    settings.SITE_URL = "http://testserver"
    story = submission_in(State.PUBLISHED).story
    data = client.get(f"/ap/@{story.blog.name}").json()
    assert data["type"] == "Organization"
    assert data["preferredUsername"] == "portal"


def test_featuring_a_story_boosts_the_original_once(peer, chief, run_tasks):
    submission = submission_in(State.PUBLISHED)
    follow(submission.story.blog, peer)
    with run_tasks():
        feature_story(story=submission.story, by=chief)
    with run_tasks():
        feature_story(story=submission.story, by=chief)  # already featured: nothing new
    announces = [a for a in sent(peer) if a["type"] == "Announce"]
    assert len(announces) == 1
    assert announces[0]["object"] == f"http://testserver/ap/posts/{submission.original.pk}"
    assert announces[0]["actor"] == "http://testserver/ap/@portal"


def test_a_pseudonymous_story_never_points_back_to_the_blogger(peer, chief, run_tasks):
    submission = submission_in(State.PUBLISHED)
    follow(submission.story.blog, peer)
    with run_tasks():  # the story's own Article goes out as it changes, then it is featured
        set_byline(submission=submission, by=chief, pseudonym="Ветер")
    with run_tasks():
        feature_story(story=submission.story, by=chief)
    assert [a["type"] for a in sent(peer)] == ["Create"]
    raw = b"".join(r.body for r in peer.server.requests)
    assert f"/ap/posts/{submission.story.pk}".encode() in raw
    original = submission.original
    assert f"/ap/posts/{original.pk}".encode() not in raw
    assert original.blog.name.encode() not in raw
    assert original.author.pen_name.encode() not in raw


def test_a_pseudonym_set_after_the_boost_undoes_it(peer, chief, run_tasks):
    submission = submission_in(State.PUBLISHED)
    follow(submission.story.blog, peer)
    with run_tasks():
        feature_story(story=submission.story, by=chief)
    with run_tasks():
        set_byline(submission=submission, by=chief, pseudonym="Ветер")
    kinds = [
        (a["type"], a["object"].get("type") if isinstance(a["object"], dict) else None)
        for a in sent(peer)
    ]
    assert ("Undo", "Announce") in kinds
