"""Reading figures: story views counted without cookies (page-cache hits included), flushed
to StoryView; links to stories from network posts; the verification block readers see."""

from __future__ import annotations

import pytest
from django.utils import timezone

from chaikhana.linkbacks.models import Mention
from chaikhana.portal.figures.links import collect_story_links
from chaikhana.portal.figures.queries import most_linked
from chaikhana.portal.figures.tasks import update_figures
from chaikhana.portal.models import Claim, Source, StoryLink, StoryView
from chaikhana.portal.tests.factories import blogger_post, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


class StoryViewCounterTests:
    def test_views_served_from_the_page_cache_are_counted_and_flushed(self, client):
        story = submission_in(State.PUBLISHED).story
        url = f"/portal/stories/{story.slug}/"
        responses = [client.get(url) for _ in range(4)]
        assert all(r.status_code == 200 for r in responses)
        assert not responses[-1].cookies
        assert update_figures()[0] == 4
        row = StoryView.objects.get(story=story, day=timezone.localdate())
        assert row.count == 4
        client.get(url)
        update_figures()
        row.refresh_from_db()
        assert row.count == 5

    def test_missing_stories_are_not_counted(self, client):
        assert client.get("/portal/stories/nothing-here/").status_code == 404
        assert update_figures()[0] == 0


class MostLinkedTests:
    def test_links_from_network_posts_and_verified_mentions_count(self):
        story = submission_in(State.PUBLISHED).story
        other = submission_in(State.PUBLISHED).story
        blogger_post(body_source=f"[see](/portal/stories/{story.slug}/)")
        blogger_post(body_source=f"[and](https://example.org/portal/stories/{story.slug}/)")
        assert collect_story_links() == 2
        assert collect_story_links() == 0  # idempotent
        Mention.objects.create(post=other, source="https://a.example/1", kind="webmention")
        Mention.objects.create(
            post=other, source="https://a.example/2", kind="webmention", status="verified"
        )
        ranked = most_linked()
        assert [s.pk for s in ranked] == [story.pk, other.pk]
        assert [s.links for s in ranked] == [2, 1]
        assert StoryLink.objects.count() == 2


class VerificationTests:
    def test_a_published_story_shows_claims_verdicts_and_public_sources_only(self, client):
        submission = submission_in(State.PUBLISHED)
        public = Source.objects.create(submission=submission, url="https://gov.example/report")
        secret = Source.objects.create(submission=submission, description="A nurse, anonymous")
        secret.private = True
        secret.save()
        claim = Claim.objects.create(
            submission=submission, number=1, text="The cut began on Monday", verdict="verified"
        )
        claim.sources.set([public, secret])
        html = client.get(f"/portal/stories/{submission.story.slug}/").content.decode()
        assert "Verified by the editors" in html and "The cut began on Monday" in html
        assert "https://gov.example/report" in html and "A nurse" not in html
