"""Each status move is its own action: what it changes, what it announces, what it refuses."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from chaikhana.blogs import signals
from chaikhana.blogs.actions import (
    PostContent,
    create_post,
    date_draft,
    make_post_private,
    publish_post,
    schedule_post,
    submit_post_for_review,
    unpublish_post,
    unschedule_post,
)
from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.core.testing.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@contextmanager
def heard(signal):
    ids: list[int] = []

    def receiver(sender, *, post_id, **kwargs):
        ids.append(post_id)

    signal.connect(receiver, weak=False)
    try:
        yield ids
    finally:
        signal.disconnect(receiver)


def new_draft(blog, user, title="Чай"):
    return create_post(blog=blog, by=user, content=PostContent(title=title, body_source="Текст"))


class PublishPostTests:
    def test_draft_goes_live_and_is_announced_once_when_published(
        self, blog, user, django_capture_on_commit_callbacks
    ):
        post = new_draft(blog, user)
        with heard(signals.post_published) as published:
            with django_capture_on_commit_callbacks(execute=True):
                publish_post(post=post, by=user)
            with django_capture_on_commit_callbacks(execute=True):
                publish_post(post=post, by=user)  # again: nothing new to announce
        post.refresh_from_db()
        assert post.is_public and published == [post.pk]

    def test_post_keeps_a_past_date_when_published_backdated(self, blog, user):
        then = timezone.now() - timedelta(days=400)
        post = publish_post(post=new_draft(blog, user), by=user, at=then)
        assert post.published_at == then and post.is_public

    def test_future_time_is_refused_when_publishing_now(self, blog, user):
        post = new_draft(blog, user)
        with pytest.raises(ActionError) as refused:
            publish_post(post=post, by=user, at=timezone.now() + timedelta(days=1))
        assert refused.value.field == "published_at"
        post.refresh_from_db()
        assert post.status == Post.Status.DRAFT

    def test_contributor_is_refused_when_publishing_her_draft(self, blog):
        contributor = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR).user
        post = new_draft(blog, contributor)
        with pytest.raises(PermissionDenied):
            publish_post(post=post, by=contributor)
        submit_post_for_review(post=post, by=contributor)
        post.refresh_from_db()
        assert post.status == Post.Status.PENDING


class ScheduleTests:
    def test_scheduled_post_is_hidden_until_its_time(self, blog, user):
        at = timezone.now() + timedelta(hours=3)
        post = schedule_post(post=new_draft(blog, user), by=user, at=at)
        assert (post.status, post.published_at, post.is_public) == (
            Post.Status.SCHEDULED,
            at,
            False,
        )

    def test_past_time_is_refused_when_scheduling(self, blog, user):
        with pytest.raises(ActionError):
            schedule_post(post=new_draft(blog, user), by=user, at=timezone.now() - timedelta(1))

    def test_unscheduled_post_is_a_draft_again_without_a_date(self, blog, user):
        post = schedule_post(
            post=new_draft(blog, user), by=user, at=timezone.now() + timedelta(days=2)
        )
        post = unschedule_post(post=post, by=user)
        assert (post.status, post.published_at) == (Post.Status.DRAFT, None)

    def test_unscheduling_a_draft_is_refused(self, blog, user):
        with pytest.raises(InvalidTransition):
            unschedule_post(post=new_draft(blog, user), by=user)


class PrivateAndUnpublishTests:
    def test_private_post_keeps_its_date_and_leaves_the_public_site(self, blog, user):
        post = publish_post(post=new_draft(blog, user), by=user)
        first = post.published_at
        post = make_post_private(post=post, by=user)
        assert (post.status, post.published_at, post.is_public) == (
            Post.Status.PRIVATE,
            first,
            False,
        )

    def test_unpublished_post_keeps_address_and_date_for_a_later_republish(self, blog, user):
        post = publish_post(post=new_draft(blog, user), by=user)
        slug, first = post.slug, post.published_at
        post = unpublish_post(post=post, by=user)
        assert (post.status, post.slug, post.published_at) == (Post.Status.DRAFT, slug, first)
        assert publish_post(post=post, by=user).published_at == first

    def test_unpublishing_a_draft_is_refused(self, blog, user):
        with pytest.raises(InvalidTransition):
            unpublish_post(post=new_draft(blog, user), by=user)

    def test_every_move_bumps_the_version_so_an_open_editor_sees_a_conflict(self, blog, user):
        post = new_draft(blog, user)
        versions = [post.version]
        for move in (publish_post, make_post_private, unpublish_post):
            post = move(post=post, by=user)
            versions.append(post.version)
        assert versions == sorted(set(versions))


class DateDraftTests:
    def test_draft_carries_the_date_it_is_given(self, blog, user):
        then = timezone.now() - timedelta(days=30)
        post = date_draft(post=new_draft(blog, user), by=user, at=then)
        assert (post.status, post.published_at) == (Post.Status.DRAFT, then)

    def test_dating_a_published_post_this_way_is_refused(self, blog, user):
        post = publish_post(post=new_draft(blog, user), by=user)
        with pytest.raises(InvalidTransition):
            date_draft(post=post, by=user, at=timezone.now())
