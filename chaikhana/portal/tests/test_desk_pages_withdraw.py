"""An editor withdraws a live story from its submission page, with a note for readers."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.models import PortalRole
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _url(submission):
    return f"/portal/submissions/{submission.pk}/withdraw/"


class WithdrawPageTests:
    def test_the_submission_page_offers_withdrawal_of_a_live_story_only(self, client):
        live, ready = submission_in(State.PUBLISHED), submission_in(State.READY)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        assert _url(live) in client.get(live.get_absolute_url()).content.decode()
        assert _url(ready) not in client.get(ready.get_absolute_url()).content.decode()

    def test_she_confirms_with_a_note_and_the_story_answers_410_with_it(self, client):
        submission = submission_in(State.PUBLISHED)
        log_in_verified(client, staff(PortalRole.Role.SECTION_EDITOR, submission.section))
        assert "Why it was withdrawn" in client.get(_url(submission)).content.decode()
        response = client.post(_url(submission), {"note": "The main source recanted."})
        assert response.status_code == 302
        story = client.get(f"/portal/stories/{submission.story.slug}/")
        assert story.status_code == 410 and "The main source recanted." in story.content.decode()
        page = client.get(submission.get_absolute_url()).content.decode()
        assert "The main source recanted." in page and _url(submission) not in page

    def test_an_empty_note_is_refused_and_the_story_stays_live(self, client):
        submission = submission_in(State.PUBLISHED)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        response = client.post(_url(submission), {"note": "  "})
        assert response.status_code == 400
        assert client.get(f"/portal/stories/{submission.story.slug}/").status_code == 200

    def test_a_story_not_yet_published_cannot_be_withdrawn(self, client):
        submission = submission_in(State.READY)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        response = client.post(_url(submission), {"note": "Never mind"})
        assert response.status_code == 400
        assert "Only a published story can be withdrawn." in response.content.decode()
        submission.refresh_from_db()
        assert submission.unpublished_at is None

    def test_the_author_a_checker_and_another_section_s_editor_may_not(self, client):
        submission = submission_in(State.PUBLISHED)
        for person, status in (
            (submission.author, 403),
            (staff(PortalRole.Role.FACT_CHECKER), 403),
            (staff(PortalRole.Role.SECTION_EDITOR, SectionFactory()), 404),
        ):
            log_in_verified(client, person)
            assert client.post(_url(submission), {"note": "Gone"}).status_code == status
        assert client.get(f"/portal/stories/{submission.story.slug}/").status_code == 200
