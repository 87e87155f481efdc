"""Each portal section is an actor (`@portal.<section>@host`): found by WebFinger, followed
from a real (loopback) server, and boosting each story featured in it — the portal's story,
never the blogger's original post."""

import pytest

from chaikhana.federation.models import SectionFollower
from chaikhana.federation.tests.test_portal import sent
from chaikhana.portal.actions.curation import feature_story
from chaikhana.portal.actions.submissions import set_byline
from chaikhana.portal.models import PortalRole
from chaikhana.portal.tests.factories import staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def featured(loopback):
    return submission_in(State.PUBLISHED)


def actor_of(submission) -> str:
    return f"http://testserver/ap/@portal.{submission.section.slug}"


class SectionActorTests:
    def test_webfinger_finds_the_section_and_its_actor_names_no_blogger(self, client, featured):
        handle = f"acct:portal.{featured.section.slug}@testserver"
        found = client.get("/.well-known/webfinger", {"resource": handle})
        assert found.status_code == 200
        href = next(link["href"] for link in found.json()["links"] if link["rel"] == "self")
        assert href == actor_of(featured)
        response = client.get(href.removeprefix("http://testserver"))
        data = response.json()
        assert (data["type"], data["name"]) == ("Organization", featured.section.name)
        assert data["preferredUsername"] == f"portal.{featured.section.slug}"
        assert featured.original.blog.name not in response.content.decode()
        missing = client.get("/.well-known/webfinger", {"resource": "acct:portal.none@testserver"})
        assert missing.status_code == 404

    def test_a_follower_gets_one_boost_of_the_story_when_it_is_featured_twice(
        self, client, peer, featured, run_tasks
    ):
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        with run_tasks():
            response = peer.post(client, peer.activity("Follow", actor_of(featured)))
        assert response.status_code == 202
        assert SectionFollower.objects.filter(section=featured.section).count() == 1
        accept = sent(peer)[-1]
        assert (accept["type"], accept["actor"]) == ("Accept", actor_of(featured))
        assert (
            f'keyId="{actor_of(featured)}#main-key"'
            in peer.server.requests[-1].headers["Signature"]
        )
        for _ in range(2):
            with run_tasks():
                feature_story(story=featured.story, by=chief)
        boosts = [a for a in sent(peer) if a["actor"] == actor_of(featured)]
        assert [a["type"] for a in boosts] == ["Accept", "Announce"]
        assert boosts[1]["object"] == f"http://testserver/ap/posts/{featured.story.pk}"
        outbox = client.get(f"/ap/@portal.{featured.section.slug}/outbox").json()
        assert [item["object"] for item in outbox["orderedItems"]] == [boosts[1]["object"]]
        followers = client.get(f"/ap/@portal.{featured.section.slug}/followers").json()
        assert followers["totalItems"] == 1

    def test_a_pseudonymous_story_is_boosted_without_its_blog_when_featured(
        self, client, peer, featured, run_tasks
    ):
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        with run_tasks():
            peer.post(client, peer.activity("Follow", actor_of(featured)))
            set_byline(submission=featured, by=chief, pseudonym="Ветер")
        with run_tasks():
            feature_story(story=featured.story, by=chief)
        raw = b"".join(r.body for r in peer.server.requests)
        assert f"/ap/posts/{featured.story.pk}".encode() in raw
        assert f"/ap/posts/{featured.original.pk}".encode() not in raw
        assert featured.original.blog.name.encode() not in raw
        assert featured.original.author.pen_name.encode() not in raw

    def test_the_section_page_offers_its_handle_and_the_form_sends_the_reader_on(
        self, client, featured
    ):
        slug = featured.section.slug
        html = client.get(f"/portal/section/{slug}/").content.decode()
        assert f'value="@portal.{slug}@testserver"' in html
        assert 'name="blog" value="portal.' in html
        go = client.get("/ap/follow", {"blog": f"portal.{slug}", "server": "social.example"})
        assert go.status_code == 200
        assert f"acct%3Aportal.{slug}%40testserver" in go.content.decode()
        assert featured.section.name in go.content.decode()

    def test_undo_follow_ends_the_section_follow(self, client, peer, featured):
        follow = peer.activity("Follow", actor_of(featured))
        peer.post(client, follow)
        assert peer.post(client, peer.activity("Undo", follow, suffix="u")).status_code == 202
        assert not SectionFollower.objects.exists()
