from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django_tasks.signals import task_finished

from chaikhana.blogs import signals
from chaikhana.blogs.actions import (
    EditConflict,
    PostContent,
    PostRequest,
    autosave_post,
    delete_post,
    publish_due_posts,
    restore_revision,
    save_requested_post,
)
from chaikhana.blogs.models import Post, Revision, SlugRedirect
from chaikhana.blogs.roles import Role
from chaikhana.blogs.tasks import publish_due_posts_task
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import MembershipFactory, PostFactory

pytestmark = pytest.mark.django_db

NOON = datetime(2025, 3, 21, 12, 0, tzinfo=UTC)


class Clock:
    """What django.utils.timezone.now answers; tests move it forward."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(NOON)
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock


@contextmanager
def listening(signal):
    """The keyword arguments of every sending of *signal* inside the block."""
    heard: list[dict] = []

    def receiver(sender, **kwargs):
        heard.append(kwargs)

    signal.connect(receiver, weak=False)
    try:
        yield heard
    finally:
        signal.disconnect(receiver)


@pytest.fixture
def published_ids():
    """The post ids announced on `post_published`, in order."""
    received: list[int] = []

    def receiver(sender, *, post_id, **kwargs):
        received.append(post_id)

    signals.post_published.connect(receiver, weak=False)
    yield received
    signals.post_published.disconnect(receiver)


def draft(blog, user, **fields):
    return save_requested_post(
        blog=blog, by=user, request=PostRequest(**({"title": "Draft"} | fields))
    )


def publish(blog, user, **fields):
    data = PostRequest(**({"title": "Published", "status": Post.Status.PUBLISHED} | fields))
    return save_requested_post(blog=blog, by=user, request=data)


def edit(post, user, **changes):
    values = {
        "title": post.title,
        "body_source": post.body_source,
        "slug": post.slug,
        "status": post.status,
        "published_at": post.published_at,
    }
    data = PostRequest(**(values | changes))
    return save_requested_post(blog=post.blog, by=user, post=post, request=data)


class SavePostSlugTests:
    def test_slug_is_transliterated_when_title_is_russian(self, blog, user):
        post = draft(blog, user, title="Привет, мир!", body_source="**Жирный**")
        assert post.slug == "privet-mir"
        assert "<strong>Жирный</strong>" in post.body_html

    def test_slug_is_transliterated_when_title_is_kyrgyz(self, blog, user):
        assert draft(blog, user, title="Өлкө жаңылыктары").slug == "olko-zhangylyktary"

    def test_slug_gets_number_when_title_repeats(self, blog, user):
        draft(blog, user, title="Новости")
        assert draft(blog, user, title="Новости").slug == "novosti-2"
        assert draft(blog, user, title="Новости").slug == "novosti-3"

    def test_slug_is_not_numbered_when_same_title_is_on_another_blog(self, blog, user):
        other = PostFactory(title="Новости", slug="novosti")
        assert draft(blog, user, title="Новости").slug == "novosti"
        assert other.blog != blog

    def test_refuses_when_explicit_slug_is_taken(self, blog, user):
        existing = publish(blog, user, title="First", slug="elections")
        with pytest.raises(ActionError) as refused:
            draft(blog, user, title="Second", slug="elections")
        assert refused.value.field == "slug"
        existing.refresh_from_db()
        assert (existing.title, existing.slug) == ("First", "elections")
        assert Post.objects.count() == 1

    def test_refuses_when_edit_takes_slug_of_another_post(self, blog, user):
        publish(blog, user, title="First", slug="elections")
        second = draft(blog, user, title="Second")
        with pytest.raises(ActionError) as refused:
            edit(second, user, slug="elections", title="Renamed")
        assert refused.value.field == "slug"
        second.refresh_from_db()
        assert (second.title, second.slug) == ("Second", "second")

    @pytest.mark.parametrize(
        "title", ["Feed", "Tag", "Category", "Author", "Page", "Comments", "Webmention", "Search"]
    )
    def test_slug_avoids_blog_pages_when_title_is_reserved_word(self, blog, user, title):
        assert draft(blog, user, title=title).slug == f"{title.lower()}-2"

    @pytest.mark.parametrize("slug", ["comments", "webmention", "sitemap"])
    def test_refuses_a_slug_that_a_blog_route_uses(self, blog, user, slug):
        with pytest.raises(ActionError) as refused:
            draft(blog, user, title="Anything", slug=slug)
        assert refused.value.field == "slug"

    def test_refuses_when_explicit_slug_is_reserved(self, blog, user):
        with pytest.raises(ActionError) as refused:
            draft(blog, user, title="My feed", slug="feed")
        assert refused.value.field == "slug"
        assert not Post.objects.exists()

    def test_slug_follows_title_while_draft_never_had_one_set(self, blog, user):
        post = draft(blog, user, title="Old title")
        post = edit(post, user, title="New title", slug="")
        assert post.slug == "new-title"


class SavePostStatusTests:
    def test_becomes_scheduled_when_published_with_future_date(self, blog, user, clock):
        post = publish(blog, user, published_at=NOON + timedelta(days=1))
        assert post.status == Post.Status.SCHEDULED
        assert post.published_at == NOON + timedelta(days=1)
        assert not Post.objects.published().exists()

    def test_publishes_now_when_published_without_date(self, blog, user, clock):
        post = publish(blog, user)
        assert (post.status, post.published_at) == (Post.Status.PUBLISHED, NOON)
        assert list(Post.objects.published()) == [post]

    def test_keeps_first_publish_time_when_published_post_is_edited(self, blog, user, clock):
        post = publish(blog, user)
        clock.now = NOON + timedelta(hours=3)
        post = edit(post, user, body_source="Corrected", published_at=None)
        assert post.published_at == NOON

    @pytest.mark.parametrize("when", [None, NOON - timedelta(minutes=1), NOON])
    def test_refuses_when_scheduled_without_future_date(self, blog, user, clock, when):
        with pytest.raises(ActionError) as refused:
            draft(blog, user, status=Post.Status.SCHEDULED, published_at=when)
        assert refused.value.field == "published_at"
        assert not Post.objects.exists()

    def test_publishes_now_when_scheduled_post_is_published_without_date(
        self, blog, user, clock, published_ids, django_capture_on_commit_callbacks
    ):
        post = publish(blog, user, published_at=NOON + timedelta(days=2))
        with django_capture_on_commit_callbacks(execute=True):
            post = edit(post, user, status=Post.Status.PUBLISHED, published_at=None)
        assert (post.status, post.published_at) == (Post.Status.PUBLISHED, NOON)
        assert post.is_public
        assert published_ids == [post.pk]

    def test_contributor_cannot_publish(self, blog):
        contributor = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR).user
        with pytest.raises(PermissionDenied):
            draft(blog, contributor, status=Post.Status.PUBLISHED)
        assert not Post.objects.exists()

    def test_contributor_submits_for_review_when_status_is_pending(self, blog):
        contributor = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR).user
        post = draft(blog, contributor, status=Post.Status.PENDING)
        assert post.status == Post.Status.PENDING
        assert not Post.objects.published().exists()


class SavePostRevisionTests:
    def test_keeps_one_revision_per_save_when_post_is_saved_three_times(self, blog, user):
        post = draft(blog, user, body_source="one")
        post = edit(post, user, body_source="two")
        post = edit(post, user, body_source="three")
        texts = list(post.revisions.order_by("id").values_list("body_source", flat=True))
        assert texts == ["one", "two", "three"]
        assert post.version == 3

    def test_stale_base_version_raises_conflict_and_keeps_both_texts(self, blog, user):
        post = draft(blog, user, title="T", body_source="first")
        save_requested_post(
            blog=blog,
            by=user,
            post=post,
            base_version=1,
            request=PostRequest(title="T", body_source="theirs"),
        )
        with pytest.raises(EditConflict):
            save_requested_post(
                blog=blog,
                by=user,
                post=post,
                base_version=1,
                request=PostRequest(title="T", body_source="mine"),
            )
        post.refresh_from_db()
        assert post.body_source == "theirs"
        assert Revision.objects.filter(kind=Revision.Kind.CONFLICT, body_source="mine").exists()

    def test_restore_brings_back_old_text_when_revision_is_restored(self, blog, user):
        post = publish(blog, user, body_source="original")
        first = post.revisions.get()
        post = edit(post, user, body_source="vandalised")
        post = restore_revision(revision=first, by=user)
        assert post.body_source == "original"
        assert "original" in post.body_html
        assert post.status == Post.Status.PUBLISHED
        latest = post.revisions.order_by("-id").first()
        assert (latest.kind, latest.body_source) == (Revision.Kind.RESTORE, "original")
        assert post.revisions.count() == 3

    def test_restore_refused_when_contributor_restores_published_post(self, blog):
        membership = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR)
        post = PostFactory(blog=blog, author=membership, body_source="published text")
        revision = Revision.objects.create(
            post=post, title=post.title, body_source="older", body_format=post.body_format
        )
        with pytest.raises(PermissionDenied):
            restore_revision(revision=revision, by=membership.user)
        post.refresh_from_db()
        assert post.body_source == "published text"


class SlugRedirectTests:
    def test_old_address_redirects_when_published_post_changes_slug(self, blog, user):
        post = publish(blog, user, title="Old")
        edit(post, user, slug="new")
        assert SlugRedirect.objects.get(old_slug="old").post == post

    def test_no_redirect_when_draft_changes_slug(self, blog, user):
        post = draft(blog, user, title="Old")
        edit(post, user, slug="new")
        assert not SlugRedirect.objects.exists()

    def test_no_redirect_when_scheduled_post_changes_slug(self, blog, user, clock):
        post = publish(blog, user, title="Old", published_at=NOON + timedelta(days=1))
        edit(post, user, slug="new")
        assert not SlugRedirect.objects.exists()

    def test_redirect_dropped_when_post_takes_its_old_slug_back(self, blog, user):
        post = publish(blog, user, title="Old")
        post = edit(post, user, slug="new")
        post = edit(post, user, slug="old")
        assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["new"]


class AutosavePostTests:
    def test_post_unchanged_when_autosaved(self, blog, user):
        post = publish(blog, user, title="Live", body_source="live text")
        before = Post.objects.values().get(pk=post.pk)
        autosave_post(post=post, by=user, content=PostContent(title="Typing", body_source="half"))
        assert Post.objects.values().get(pk=post.pk) == before

    def test_reuses_one_revision_when_autosaved_twice(self, blog, user):
        post = draft(blog, user)
        first = autosave_post(post=post, by=user, content=PostContent(title="T", body_source="a"))
        second = autosave_post(post=post, by=user, content=PostContent(title="T", body_source="ab"))
        autosaves = post.revisions.filter(kind=Revision.Kind.AUTOSAVE)
        assert first.pk == second.pk
        assert list(autosaves.values_list("body_source", flat=True)) == ["ab"]

    def test_starts_new_autosave_when_post_was_saved_since(self, blog, user):
        post = draft(blog, user)
        autosave_post(post=post, by=user, content=PostContent(title="T", body_source="a"))
        post = edit(post, user, body_source="saved")
        autosave_post(post=post, by=user, content=PostContent(title="T", body_source="after"))
        kinds = list(post.revisions.order_by("id").values_list("kind", "body_source"))
        assert kinds == [
            (Revision.Kind.SAVE, ""),
            (Revision.Kind.AUTOSAVE, "a"),
            (Revision.Kind.SAVE, "saved"),
            (Revision.Kind.AUTOSAVE, "after"),
        ]

    def test_refused_when_author_autosaves_others_post(self, blog, user):
        post = draft(blog, user)
        author = MembershipFactory(blog=blog, role=Role.AUTHOR).user
        with pytest.raises(PermissionDenied):
            autosave_post(post=post, by=author, content=PostContent(title="Mine now"))
        assert post.revisions.count() == 1


class PublishedSignalTests:
    def test_sent_once_after_commit_when_post_is_published(
        self, blog, user, published_ids, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            post = publish(blog, user)
            assert published_ids == []  # not before the transaction commits
        assert published_ids == [post.pk]

    def test_not_sent_again_when_published_post_is_edited(
        self, blog, user, published_ids, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            post = publish(blog, user)
        with django_capture_on_commit_callbacks(execute=True):
            edit(post, user, body_source="A correction")
        assert published_ids == [post.pk]

    @pytest.mark.parametrize("status", [Post.Status.DRAFT, Post.Status.PENDING])
    def test_not_sent_when_post_is_saved_unpublished(
        self, blog, user, published_ids, django_capture_on_commit_callbacks, status
    ):
        with django_capture_on_commit_callbacks(execute=True):
            draft(blog, user, status=status)
        assert published_ids == []

    def test_not_sent_when_refused_action_rolls_back(
        self, blog, user, published_ids, django_capture_on_commit_callbacks
    ):
        publish(blog, user, slug="taken")
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionError):
            publish(blog, user, slug="taken")
        assert published_ids == []


class PublishDuePostsTests:
    def test_publishes_only_due_posts_when_run(self, blog, clock, published_ids):
        due = PostFactory(blog=blog, status=Post.Status.SCHEDULED, published_at=NOON)
        later = PostFactory(
            blog=blog, status=Post.Status.SCHEDULED, published_at=NOON + timedelta(seconds=1)
        )
        assert publish_due_posts() == 1
        due.refresh_from_db()
        later.refresh_from_db()
        assert (due.status, due.published_at) == (Post.Status.PUBLISHED, NOON)
        assert later.status == Post.Status.SCHEDULED
        assert list(Post.objects.published()) == [due]

    def test_second_run_changes_nothing_when_run_twice(
        self, blog, clock, published_ids, django_capture_on_commit_callbacks
    ):
        due = PostFactory(blog=blog, status=Post.Status.SCHEDULED, published_at=NOON)
        with django_capture_on_commit_callbacks(execute=True):
            first = publish_due_posts()
        with django_capture_on_commit_callbacks(execute=True):
            second = publish_due_posts()
        assert (first, second) == (1, 0)
        assert published_ids == [due.pk]

    def test_scheduled_post_goes_live_when_its_time_comes(self, blog, user, clock):
        post = publish(blog, user, published_at=NOON + timedelta(hours=1))
        publish_due_posts()
        assert not Post.objects.published().exists()
        clock.now = NOON + timedelta(hours=1)
        publish_due_posts()
        assert list(Post.objects.published()) == [post]


class PublishDuePostsTaskTests:
    def test_does_nothing_when_enqueued_early(self, blog, clock):
        post = PostFactory(
            blog=blog, status=Post.Status.SCHEDULED, published_at=NOON + timedelta(hours=1)
        )
        result = publish_due_posts_task.enqueue()
        assert result.return_value == 0
        post.refresh_from_db()
        assert post.status == Post.Status.SCHEDULED

    def test_publishes_when_enqueued_on_time(self, blog, clock):
        post = PostFactory(blog=blog, status=Post.Status.SCHEDULED, published_at=NOON)
        assert publish_due_posts_task.enqueue().return_value == 1
        post.refresh_from_db()
        assert post.status == Post.Status.PUBLISHED

    def test_scheduling_a_post_leaves_it_scheduled_when_task_runs_at_once(
        self, blog, user, clock, django_capture_on_commit_callbacks
    ):
        # The immediate backend cannot defer: the task runs on commit, early, and must wait.
        with (
            listening(task_finished) as finished,
            django_capture_on_commit_callbacks(execute=True),
        ):
            post = publish(blog, user, published_at=NOON + timedelta(hours=1))
            assert finished == []  # never before the post is committed
        results = [(f["task_result"].task.name, f["task_result"].return_value) for f in finished]
        # Listeners (search, linkbacks) run their own tasks too; this test is about this one.
        assert [r for r in results if r[0] == "publish_due_posts_task"] == [
            ("publish_due_posts_task", 0)
        ]
        post.refresh_from_db()
        assert post.status == Post.Status.SCHEDULED


class DeletePostTests:
    def test_post_gone_and_announced_when_owner_deletes(
        self, blog, user, django_capture_on_commit_callbacks
    ):
        post = publish(blog, user)
        post_id = post.pk
        with (
            listening(signals.post_deleted) as deleted,
            django_capture_on_commit_callbacks(execute=True),
        ):
            delete_post(post=post, by=user)
        assert not Post.objects.exists()
        assert not Revision.objects.exists()
        assert deleted == [{"signal": signals.post_deleted, "post_id": post_id, "blog_id": blog.pk}]
