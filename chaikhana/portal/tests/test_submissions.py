"""Submitting and picking posts, the thread's internal notes, and the blogger's pages."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.factories import UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.portal.actions.submissions import pick_post
from chaikhana.portal.actions.thread import post_message
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.models import Notification, PortalRole, Submission
from chaikhana.portal.tests.factories import SectionFactory, blogger_post, staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _send(client, post, section, **extra):
    data = {"post": post.pk, "section": section.pk, "note": "Please", **extra}
    return client.post("/portal/submit/", data)


class SubmitTests:
    def test_blogger_submits_her_post_with_a_source_and_the_desk_is_told(self, client):
        post, section = blogger_post(), SectionFactory()
        editor = staff(PortalRole.Role.SECTION_EDITOR, section)
        log_in_verified(client, post.author.user)
        response = _send(client, post, section, source_url="https://example.org/a")
        submission = Submission.objects.get()
        assert response.status_code == 302 and submission.state == State.SUBMITTED
        assert submission.sources.get().url == "https://example.org/a"
        assert Notification.objects.filter(user=editor, submission=submission).exists()
        assert submission.transitions.get().to_state == State.SUBMITTED

    def test_someone_elses_post_is_refused_and_nothing_is_created(self, client):
        post = blogger_post()
        log_in_verified(client, UserFactory())
        response = _send(client, post, SectionFactory())
        assert response.status_code == 400 and Submission.objects.count() == 0

    def test_submitting_twice_is_refused_with_a_link_to_the_first(self, client):
        post, section = blogger_post(), SectionFactory()
        log_in_verified(client, post.author.user)
        _send(client, post, section)
        first = Submission.objects.get()
        response = _send(client, post, section, note="again, typed text")
        html = response.content.decode()
        assert response.status_code == 400 and Submission.objects.count() == 1
        assert first.get_absolute_url() in html and "again, typed text" in html


class PickTests:
    def test_a_pick_waits_for_the_author_who_accepts_it(self):
        post, section = blogger_post(), SectionFactory()
        editor = staff(PortalRole.Role.SECTION_EDITOR, section)
        submission = pick_post(post=post, by=editor, section=section)
        assert submission.state == State.AWAITING_AUTHOR
        assert Notification.objects.filter(user=post.author.user).exists()
        submission = transition(submission=submission, to=State.SUBMITTED, by=post.author.user)
        assert submission.state == State.SUBMITTED

    def test_a_blogger_without_a_role_cannot_pick(self):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            pick_post(post=blogger_post(), by=UserFactory(), section=SectionFactory())


class ThreadTests:
    def test_internal_notes_are_hidden_from_the_author(self, client):
        submission = submission_in(State.IN_REVIEW)
        editor = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        post_message(submission=submission, by=editor, body="Doubtful source", internal=True)
        post_message(submission=submission, by=editor, body="Could you add a photo?")
        log_in_verified(client, submission.author)
        html = client.get(submission.get_absolute_url()).content.decode()
        assert "Could you add a photo?" in html and "Doubtful source" not in html
        log_in_verified(client, editor)
        assert "Doubtful source" in client.get(submission.get_absolute_url()).content.decode()

    def test_strangers_get_404_on_a_submission(self, client):
        submission = submission_in(State.SUBMITTED)
        log_in_verified(client, UserFactory())
        assert client.get(submission.get_absolute_url()).status_code == 404

    def test_an_empty_message_is_refused_next_to_the_field(self, client):
        submission = submission_in(State.SUBMITTED)
        log_in_verified(client, submission.author)
        response = client.post(f"/portal/submissions/{submission.pk}/messages/", {"body": " "})
        assert response.status_code == 400 and submission.messages.count() == 0


class MoveViewTests:
    def test_stale_state_from_the_page_is_refused_with_a_message(self, client):
        submission = submission_in(State.SUBMITTED)
        editor = staff(PortalRole.Role.EDITOR_IN_CHIEF)
        transition(submission=submission, to=State.IN_REVIEW, by=editor)
        log_in_verified(client, editor)
        response = client.post(
            f"/portal/submissions/{submission.pk}/move/", {"to": "in_review", "state": "submitted"}
        )
        assert response.status_code == 400
        assert "Someone else moved this submission" in response.content.decode()

    def test_my_submissions_shows_the_timeline(self, client):
        submission = submission_in(State.SUBMITTED)
        transition(
            submission=submission, to=State.RETURNED, by=staff("editor_in_chief"), note="Add dates"
        )
        log_in_verified(client, submission.author)
        html = client.get("/portal/mine/").content.decode()
        assert "Returned to the author" in html and "Add dates" in html
