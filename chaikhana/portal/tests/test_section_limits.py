"""A section editor's reach ends at her sections, on every portal path, and the portal blog
gives the desk no back door: no membership, no dashboard."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from chaikhana.blogs.models import Membership, Post
from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.portal_blog import portal_blog
from chaikhana.portal.actions.stories import (
    StoryEdit,
    approve_proposal,
    edit_story,
    reject_proposal,
    unpublish_story,
)
from chaikhana.portal.actions.submissions import assign, pick_post, set_byline, set_section
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.models import PortalRole, StoryRevisionProposal
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _outsider():
    """A section editor of some other section."""
    return staff(PortalRole.Role.SECTION_EDITOR, SectionFactory())


def _edit(submission, **changes):
    story = submission.story
    fields = {
        "title": "Changed by someone else",
        "excerpt": story.excerpt,
        "body_source": story.body_source,
        "base_version": story.version,
    }
    return StoryEdit(**{**fields, **changes})


def _proposal(submission):
    chief = staff(PortalRole.Role.EDITOR_IN_CHIEF)
    edit = _edit(submission, correction_kind="correction", correction_note="A date was wrong.")
    return edit_story(submission=submission, by=chief, edit=edit)


class SectionLimitTests:
    def test_she_cannot_edit_a_draft_story_of_another_section(self):
        submission = submission_in(State.IN_REVIEW)
        with pytest.raises(PermissionDenied):
            edit_story(submission=submission, by=_outsider(), edit=_edit(submission))
        submission.story.refresh_from_db()
        assert submission.story.title != "Changed by someone else"

    def test_she_cannot_publish_or_schedule_a_story_of_another_section(self):
        submission = submission_in(State.READY)
        for to in (State.PUBLISHED, State.SCHEDULED):
            with pytest.raises(InvalidTransition):
                transition(submission=submission, to=to, by=_outsider())
        submission.story.refresh_from_db()
        assert submission.story.status == Post.Status.DRAFT

    def test_she_cannot_approve_or_reject_a_revision_of_another_section(self):
        submission = submission_in(State.PUBLISHED)
        proposal = _proposal(submission)
        for decide in (approve_proposal, reject_proposal):
            with pytest.raises(PermissionDenied):
                decide(proposal=proposal, by=_outsider())
        proposal.refresh_from_db()
        assert proposal.state == StoryRevisionProposal.State.PENDING

    def test_she_cannot_withdraw_a_story_of_another_section(self):
        submission = submission_in(State.PUBLISHED)
        with pytest.raises(PermissionDenied):
            unpublish_story(submission=submission, by=_outsider(), note="Not mine to take down")
        submission.story.refresh_from_db()
        assert submission.story.is_public

    def test_she_cannot_sign_assign_or_move_a_submission_of_another_section(self):
        submission = submission_in(State.IN_REVIEW)
        outsider = _outsider()
        with pytest.raises(PermissionDenied):
            set_byline(submission=submission, by=outsider, pseudonym="Someone")
        with pytest.raises(PermissionDenied):
            assign(submission=submission, by=outsider, editor=outsider, checker=None)
        with pytest.raises(PermissionDenied):
            set_section(submission=submission, by=outsider, section=SectionFactory())

    def test_she_cannot_move_her_own_section_s_submission_into_a_section_she_does_not_edit(self):
        submission = submission_in(State.IN_REVIEW)
        editor = staff(PortalRole.Role.SECTION_EDITOR, submission.section)
        with pytest.raises(ActionError):
            set_section(submission=submission, by=editor, section=SectionFactory())

    def test_she_cannot_pick_a_post_for_a_section_she_does_not_edit(self):
        with pytest.raises(PermissionDenied):
            pick_post(post=blogger_post(), by=_outsider(), section=SectionFactory())


class PortalBlogBackDoorTests:
    def test_working_on_a_story_makes_nobody_a_member_of_the_portal_blog(self):
        submission = submission_in(State.SUBMITTED, complete=False)
        editor = staff(PortalRole.Role.SECTION_EDITOR, submission.section)
        submission = transition(submission=submission, to=State.IN_REVIEW, by=editor)
        edit_story(submission=submission, by=editor, edit=_edit(submission, title="Edited"))
        assert not Membership.objects.filter(blog=portal_blog()).exists()

    def test_the_blog_dashboard_does_not_open_a_story_for_a_desk_editor(self, client):
        submission = submission_in(State.SUBMITTED, complete=False)
        editor = staff(PortalRole.Role.SECTION_EDITOR, submission.section)
        submission = transition(submission=submission, to=State.IN_REVIEW, by=editor)
        log_in_verified(client, editor)
        response = client.get(f"/dashboard/@portal/posts/{submission.story_id}/")
        assert response.status_code in (403, 404)


class SectionLimitPageTests:
    """Through the desk's pages: refused, and the story unchanged."""

    def test_the_submission_and_its_story_form_are_not_hers(self, client):
        submission = submission_in(State.IN_REVIEW)
        log_in_verified(client, _outsider())
        url = f"/portal/submissions/{submission.pk}/"
        assert client.get(url).status_code == 404
        assert client.get(f"{url}edit/").status_code == 404
        data = {"title": "Changed by someone else", "body_source": "x", "base_version": 1}
        assert client.post(f"{url}edit/", data).status_code == 404
        submission.story.refresh_from_db()
        assert submission.story.title != "Changed by someone else"

    def test_she_cannot_publish_it_from_the_submission_page(self, client):
        submission = submission_in(State.READY)
        log_in_verified(client, _outsider())
        data = {"to": State.PUBLISHED, "state": State.READY}
        response = client.post(f"/portal/submissions/{submission.pk}/move/", data)
        assert response.status_code == 404
        submission.story.refresh_from_db()
        assert submission.story.status == Post.Status.DRAFT

    def test_she_cannot_sign_or_assign_it(self, client):
        submission = submission_in(State.IN_REVIEW)
        outsider = _outsider()
        log_in_verified(client, outsider)
        url = f"/portal/submissions/{submission.pk}/"
        assert client.post(f"{url}byline/", {"pseudonym": "Someone"}).status_code == 404
        assert client.post(f"{url}assign/", {"editor": outsider.pk}).status_code == 404
        submission.refresh_from_db()
        assert submission.byline_pseudonym == "" and submission.assigned_editor_id is None

    def test_she_cannot_approve_a_revision_of_another_section(self, client):
        submission = submission_in(State.PUBLISHED)
        proposal = _proposal(submission)
        log_in_verified(client, _outsider())
        response = client.post(f"/portal/proposals/{proposal.pk}/", {"decision": "approve"})
        assert response.status_code == 404
        proposal.refresh_from_db()
        assert proposal.state == StoryRevisionProposal.State.PENDING
