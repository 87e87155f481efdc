from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from chaikhana.blogs.models import Post
from chaikhana.blogs.tasks import publish_due_posts_task
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.core.testing.factories import PostFactory


def is_published(post: Post) -> bool:
    return Post.objects.get(pk=post.pk).status == Post.Status.PUBLISHED


@pytest.fixture
def due_post(db):
    """A scheduled post whose time has come: publish_due_posts_task publishes it when it runs."""
    return PostFactory(status=Post.Status.SCHEDULED, published_at=timezone.now())


@pytest.mark.django_db(transaction=True)
class EnqueueOnCommitTests:
    def test_task_waits_for_commit_when_enqueued_inside_transaction(self, due_post):
        with transaction.atomic():
            enqueue_on_commit(publish_due_posts_task)
            assert not is_published(due_post)
        assert is_published(due_post)

    def test_task_never_runs_when_transaction_rolls_back(self, due_post):
        with pytest.raises(RuntimeError), transaction.atomic():
            enqueue_on_commit(publish_due_posts_task)
            raise RuntimeError("the request failed")
        assert not is_published(due_post)

    def test_task_never_runs_when_only_inner_savepoint_rolls_back(self, due_post):
        with transaction.atomic():
            try:
                with transaction.atomic():
                    enqueue_on_commit(publish_due_posts_task)
                    raise RuntimeError("this part failed")
            except RuntimeError:
                pass
        assert not is_published(due_post)

    def test_runs_at_once_when_backend_cannot_defer(self, due_post):
        # The immediate backend (tests, small sites) ignores run_after; tasks wait by themselves.
        with transaction.atomic():
            enqueue_on_commit(publish_due_posts_task, run_after=timezone.now() + timedelta(hours=1))
        assert is_published(due_post)

    def test_database_queue_holds_task_until_run_after_when_backend_defers(self, settings):
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        when = timezone.now() + timedelta(hours=1)
        with transaction.atomic():
            enqueue_on_commit(publish_due_posts_task, run_after=when)
            assert not DBTaskResult.objects.exists()
        queued = DBTaskResult.objects.get()
        assert queued.task_path.endswith("publish_due_posts_task")
        assert queued.run_after == when
        assert not DBTaskResult.objects.ready().exists()
