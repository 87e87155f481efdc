"""The editors' story form: the draft copy before publication, proposals after."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.models import PortalRole, StoryRevisionProposal
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _data(submission, **changes):
    story = submission.story
    data = {
        "title": story.title,
        "excerpt": story.excerpt,
        "body_source": story.body_source,
        "base_version": story.version,
        "section": submission.section_id,
        "language": story.language,
    }
    return {**data, **changes}


def _url(submission):
    return f"/portal/submissions/{submission.pk}/edit/"


class StoryEditBeforePublicationTests:
    def test_editor_saves_headline_body_and_language_of_the_copy(self, client):
        submission = submission_in(State.IN_REVIEW)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        assert client.get(_url(submission)).status_code == 200
        data = _data(submission, title="Sharper headline", body_source="New text", language="ky")
        response = client.post(_url(submission), data)
        submission.story.refresh_from_db()
        assert response.status_code == 302
        assert (submission.story.title, submission.story.body_source) == (
            "Sharper headline",
            "New text",
        )
        assert submission.story.language == "ky"
        assert not StoryRevisionProposal.objects.exists()

    def test_chief_moves_it_to_another_section(self, client):
        submission, other = submission_in(State.IN_REVIEW), SectionFactory()
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        client.post(_url(submission), _data(submission, section=other.pk))
        submission.refresh_from_db()
        assert submission.section == other

    def test_an_empty_headline_is_refused_and_the_typed_body_kept(self, client):
        submission = submission_in(State.IN_REVIEW)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        response = client.post(
            _url(submission), _data(submission, title=" ", body_source="kept words")
        )
        assert response.status_code == 400 and "kept words" in response.content.decode()

    def test_author_checker_and_stranger_are_refused(self, client):
        submission = submission_in(State.IN_REVIEW)
        for person, status in (
            (submission.author, 403),
            (staff(PortalRole.Role.FACT_CHECKER), 403),
            (UserFactory(), 404),
        ):
            log_in_verified(client, person)
            assert client.get(_url(submission)).status_code == status
            assert client.post(_url(submission), _data(submission, title="X")).status_code == status
        submission.story.refresh_from_db()
        assert submission.story.title != "X"


class StoryEditAfterPublicationTests:
    def test_without_a_correction_kind_and_note_the_form_refuses_next_to_the_fields(self, client):
        submission = submission_in(State.PUBLISHED)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        response = client.post(_url(submission), _data(submission, body_source="Fixed figure"))
        html = response.content.decode()
        assert response.status_code == 400 and not StoryRevisionProposal.objects.exists()
        assert "A published story changes only with a correction" in html and "Fixed figure" in html

    def test_a_kind_without_a_note_is_refused_too(self, client):
        submission = submission_in(State.PUBLISHED)
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        data = _data(submission, body_source="Fixed", correction_kind="correction")
        response = client.post(_url(submission), data)
        assert (
            response.status_code == 400 and "Tell readers what changed" in response.content.decode()
        )

    def test_with_kind_and_note_a_proposal_waits_and_the_live_text_stays(self, client):
        submission = submission_in(State.PUBLISHED)
        before = submission.story.body_source
        log_in_verified(client, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        data = _data(
            submission,
            body_source="Fixed figure",
            correction_kind="correction",
            correction_note="3, not 30",
        )
        response = client.post(_url(submission), data)
        proposal = StoryRevisionProposal.objects.get()
        submission.story.refresh_from_db()
        assert response.status_code == 302 and proposal.body_source == "Fixed figure"
        assert submission.story.body_source == before
