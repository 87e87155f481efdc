"""A scheduled story going live moves its submission; a withdrawn story's blog address is 410."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from chaikhana.blogs.actions.posts import publish_due_posts
from chaikhana.blogs.models import Post
from chaikhana.portal.actions.stories import unpublish_story
from chaikhana.portal.models import Notification, PortalRole
from chaikhana.portal.tests.factories import staff, submission_in
from chaikhana.portal.workflow import State

pytestmark = pytest.mark.django_db


def _scheduled():
    submission = submission_in(State.SCHEDULED)
    Post.objects.filter(pk=submission.story_id).update(
        status=Post.Status.SCHEDULED, published_at=timezone.now() - timedelta(minutes=1)
    )
    return submission


class ScheduledPublicationTests:
    def test_a_due_story_going_live_marks_the_submission_published_by_nobody(
        self, django_capture_on_commit_callbacks
    ):
        submission = _scheduled()
        with django_capture_on_commit_callbacks(execute=True):
            assert publish_due_posts() == 1
        submission.refresh_from_db()
        step = submission.transitions.last()
        assert submission.state == State.PUBLISHED
        assert (step.from_state, step.to_state, step.by) == ("scheduled", "published", None)
        assert Notification.objects.filter(user=submission.author).exists()

    def test_publishing_an_ordinary_post_leaves_other_submissions_alone(
        self, django_capture_on_commit_callbacks
    ):
        submission = submission_in(State.SCHEDULED)  # its story is still a draft
        with django_capture_on_commit_callbacks(execute=True):
            publish_due_posts()
        submission.refresh_from_db()
        assert submission.state == State.SCHEDULED and not submission.transitions.exists()


class WithdrawnBlogAddressTests:
    def test_withdrawn_story_answers_410_at_its_blog_address_with_the_reason(self, client):
        submission = submission_in(State.PUBLISHED)
        unpublish_story(
            submission=submission, by=staff(PortalRole.Role.EDITOR_IN_CHIEF), note="Source recanted"
        )
        response = client.get(f"/@portal/{submission.story.slug}/")
        assert response.status_code == 410 and "Source recanted" in response.content.decode()
        assert client.get(f"/portal/stories/{submission.story.slug}/").status_code == 410

    def test_a_live_story_stays_the_portal_blogs_ordinary_post_page(self, client):
        submission = submission_in(State.PUBLISHED)
        response = client.get(f"/@portal/{submission.story.slug}/")
        assert response.status_code == 200 and response.resolver_match.view_name == "blogs:post"

    def test_an_unknown_slug_is_still_404(self, client):
        submission_in(State.PUBLISHED)
        assert client.get("/@portal/no-such-story/").status_code == 404
