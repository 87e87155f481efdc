"""After publication: no silent edits, revisions over the live story, withdrawal with 410."""

from __future__ import annotations

import pytest

from chaikhana.core.errors import ActionError
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.stories import (
    StoryEdit,
    approve_proposal,
    edit_story,
    unpublish_story,
)
from chaikhana.portal.models import Correction, PortalRole
from chaikhana.portal.tests.factories import staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _edit(story, **fields):
    values = {"title": "New headline", "excerpt": "", "body_source": "Fixed text"}
    return StoryEdit(base_version=story.version, **{**values, **fields})


class PublishedStoryTests:
    def test_editing_a_live_story_without_a_correction_is_refused(self):
        submission = submission_in(State.PUBLISHED)
        editor = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        with pytest.raises(ActionError) as refused:
            edit_story(submission=submission, by=editor, edit=_edit(submission.story))
        assert refused.value.field == "correction_kind"

    def test_live_text_stays_until_the_revision_is_approved_then_a_correction_shows(self, client):
        submission = submission_in(State.PUBLISHED)
        editor = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        story = submission.story
        edit = _edit(story, correction_kind="correction", correction_note="The date was wrong")
        proposal = edit_story(submission=submission, by=editor, edit=edit)
        url = f"/portal/stories/{story.slug}/"
        assert "New headline" not in client.get(url).content.decode()
        approve_proposal(proposal=proposal, by=editor)
        html = client.get(url).content.decode()
        assert "New headline" in html and "The date was wrong" in html
        assert Correction.objects.get(story=story).kind == "correction"

    def test_withdrawn_story_answers_410_with_the_note(self, client):
        submission = submission_in(State.PUBLISHED)
        unpublish_story(submission=submission, by=staff("editor_in_chief"), note="Source retracted")
        response = client.get(f"/portal/stories/{submission.story.slug}/")
        assert response.status_code == 410 and "Source retracted" in response.content.decode()

    def test_the_original_post_says_featured_on_the_portal(self, client):
        submission = submission_in(State.PUBLISHED)
        html = client.get(submission.original.get_absolute_url()).content.decode()
        assert "Featured on the portal" in html


class StoryPageTests:
    def test_its_editors_find_their_way_back_to_the_desk_and_readers_do_not(self, client):
        submission = submission_in(State.PUBLISHED)
        url, desk_link = f"/portal/stories/{submission.story.slug}/", submission.get_absolute_url()
        assert desk_link not in client.get(url).content.decode()
        log_in_verified(client, submission.author)
        assert desk_link not in client.get(url).content.decode()
        log_in_verified(client, staff(PortalRole.Role.SECTION_EDITOR, submission.section))
        assert desk_link in client.get(url).content.decode()

    def test_story_page_allows_no_script_when_read(self, client):
        submission = submission_in(State.PUBLISHED)
        policy = client.get(f"/portal/stories/{submission.story.slug}/")["Content-Security-Policy"]
        assert "script-src 'none'" in policy
