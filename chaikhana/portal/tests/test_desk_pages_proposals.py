"""Pending revisions of live stories: the list with its diff, approve and reject."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.stories import StoryEdit, edit_story
from chaikhana.portal.models import Correction, PortalRole, StoryRevisionProposal
from chaikhana.portal.tests.factories import SectionFactory, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _proposal(submission, editor, body="Line one\nLine two fixed"):
    story = submission.story
    edit = StoryEdit(
        title=story.title,
        excerpt=story.excerpt,
        body_source=body,
        base_version=story.version,
        correction_kind="correction",
        correction_note="We misstated line two.",
    )
    return edit_story(submission=submission, by=editor, edit=edit)


class ProposalListTests:
    def test_chief_sees_the_pending_revision_with_its_diff(self, client):
        submission = submission_in(State.PUBLISHED)
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        _proposal(submission, chief)
        log_in_verified(client, chief)
        html = client.get("/portal/proposals/").content.decode()
        assert "<ins>Line two fixed</ins>" in html and "We misstated line two." in html

    def test_section_editor_sees_only_her_sections(self, client):
        mine, theirs = SectionFactory(), SectionFactory()
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        _proposal(submission_in(State.PUBLISHED, section=mine), chief, body="ours")
        _proposal(submission_in(State.PUBLISHED, section=theirs), chief, body="other desk")
        log_in_verified(client, staff(PortalRole.Role.SECTION_EDITOR, mine))
        html = client.get("/portal/proposals/").content.decode()
        assert "<ins>ours</ins>" in html and "other desk" not in html

    def test_fact_checker_and_blogger_are_refused(self, client):
        for person in (staff(PortalRole.Role.FACT_CHECKER), UserFactory()):
            log_in_verified(client, person)
            assert client.get("/portal/proposals/").status_code == 403

    def test_query_count_does_not_grow_with_the_list(self, client, django_assert_max_num_queries):
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        log_in_verified(client, chief)
        counts = []
        for total in (1, 4):
            while StoryRevisionProposal.objects.count() < total:
                _proposal(submission_in(State.PUBLISHED), chief)
            with django_assert_max_num_queries(10) as captured:
                assert client.get("/portal/proposals/").status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1]


class ProposalDecisionTests:
    def test_approving_applies_the_text_and_prints_the_correction(self, client):
        submission = submission_in(State.PUBLISHED)
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        proposal = _proposal(submission, chief)
        log_in_verified(client, chief)
        response = client.post(f"/portal/proposals/{proposal.pk}/", {"decision": "approve"})
        submission.story.refresh_from_db()
        proposal.refresh_from_db()
        assert response.status_code == 302 and proposal.state == "approved"
        assert submission.story.body_source == "Line one\nLine two fixed"
        assert Correction.objects.get(story=submission.story).note == "We misstated line two."

    def test_rejecting_leaves_the_story_and_a_second_decision_is_refused(self, client):
        submission = submission_in(State.PUBLISHED)
        chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        proposal, before = _proposal(submission, chief), submission.story.body_source
        log_in_verified(client, chief)
        client.post(f"/portal/proposals/{proposal.pk}/", {"decision": "reject"})
        response = client.post(
            f"/portal/proposals/{proposal.pk}/", {"decision": "approve"}, follow=True
        )
        submission.story.refresh_from_db()
        assert submission.story.body_source == before and not Correction.objects.exists()
        assert "already been decided" in response.content.decode()

    def test_fact_checker_is_refused_and_a_stranger_gets_404(self, client):
        submission = submission_in(State.PUBLISHED)
        proposal = _proposal(submission, staff(PortalRole.Role.EDITOR_IN_CHIEF))
        url = f"/portal/proposals/{proposal.pk}/"
        log_in_verified(client, staff(PortalRole.Role.FACT_CHECKER))
        assert client.post(url, {"decision": "approve"}).status_code == 403
        log_in_verified(client, UserFactory())
        assert client.post(url, {"decision": "approve"}).status_code == 404
        proposal.refresh_from_db()
        assert proposal.state == "pending"
