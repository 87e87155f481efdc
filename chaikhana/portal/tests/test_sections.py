"""Section pages (stories, the labelled community stream) and the portal's feeds."""

from __future__ import annotations

import pytest

from chaikhana.portal.tests.factories import SectionFactory, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


class SectionPageTests:
    def test_shows_its_published_stories_and_links_its_feeds(self, client):
        section = SectionFactory(slug="ekologiya", name="Экология")
        story = submission_in(State.PUBLISHED, section=section).story
        other = submission_in(State.PUBLISHED).story
        html = client.get("/portal/section/ekologiya/").content.decode()
        assert story.title in html and f"/portal/stories/{story.slug}/" in html
        assert f"/portal/stories/{other.slug}/" not in html
        assert 'href="/portal/section/ekologiya/feed/"' in html

    def test_unknown_section_is_404(self, client):
        assert client.get("/portal/section/nope/").status_code == 404

    def test_community_stream_shows_undecided_submissions_labelled_not_yet_verified(self, client):
        section = SectionFactory(slug="s", community_stream=True)
        waiting = submission_in(State.SUBMITTED, section=section)
        declined = submission_in(State.DECLINED, section=section)
        html = client.get("/portal/section/s/").content.decode()
        assert waiting.original.title in html and "Not yet verified" in html
        assert declined.original.title not in html

    def test_a_declined_item_leaves_the_stream_even_from_the_page_cache(self, client):
        section = SectionFactory(slug="s", community_stream=True)
        waiting = submission_in(State.SUBMITTED, section=section)
        for _ in range(3):  # learn, store, serve
            assert waiting.original.title in client.get("/portal/section/s/").content.decode()
        waiting.state = State.DECLINED
        waiting.save()
        assert waiting.original.title not in client.get("/portal/section/s/").content.decode()

    def test_without_community_stream_nothing_unverified_shows(self, client):
        section = SectionFactory(slug="s", community_stream=False)
        waiting = submission_in(State.SUBMITTED, section=section)
        html = client.get("/portal/section/s/").content.decode()
        assert waiting.original.title not in html and "Not yet verified" not in html


class PortalFeedTests:
    def test_portal_feed_lists_live_stories_with_their_portal_address(self, client):
        live = submission_in(State.PUBLISHED).story
        draft = submission_in(State.READY).story
        rss = client.get("/portal/feed/").content.decode()
        assert live.title in rss and f"/portal/stories/{live.slug}/" in rss
        assert draft.title not in rss
        assert client.get("/portal/feed/atom/").status_code == 200

    def test_section_feed_has_only_its_section_and_unknown_is_404(self, client):
        section = SectionFactory(slug="s")
        mine = submission_in(State.PUBLISHED, section=section).story
        other = submission_in(State.PUBLISHED).story
        rss = client.get("/portal/section/s/feed/").content.decode()
        assert mine.title in rss and f"/portal/stories/{other.slug}/" not in rss
        assert client.get("/portal/section/zzz/feed/atom/").status_code == 404
