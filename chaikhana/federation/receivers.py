"""What federation does when blogs announces a change (already after commit, ids only)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from chaikhana.blogs.models import Post
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.federation import conf


def _sync(post_id: int, *, delay: timedelta | None) -> None:
    from chaikhana.federation.tasks import sync_post_task

    version = Post.objects.filter(pk=post_id).values_list("version", flat=True).first()
    if version is not None:
        run_after = timezone.now() + delay if delay else None
        enqueue_on_commit(sync_post_task, run_after=run_after, post_id=post_id, version=version)


def on_post_published(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """Publishing goes out at once (the post_changed that comes with it then finds no news)."""
    _sync(post_id, delay=None)


def on_post_changed(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """An edit waits a little, so a burst of saves leaves as one Update (the last version)."""
    _sync(post_id, delay=timedelta(seconds=conf.update_delay_seconds()))


def on_post_deleted(sender: Any, *, post_id: int, blog_id: int, **kwargs: Any) -> None:
    from chaikhana.federation.tasks import withdraw_post_task

    enqueue_on_commit(withdraw_post_task, post_id=post_id, blog_id=blog_id)


def on_blog_changed(sender: Any, *, blog_id: int, **kwargs: Any) -> None:
    from chaikhana.federation.tasks import withdraw_blog_task

    enqueue_on_commit(withdraw_blog_task, blog_id=blog_id)


def on_story_featured(sender: Any, *, story_id: int, **kwargs: Any) -> None:
    from chaikhana.federation.tasks import announce_featured_task

    enqueue_on_commit(announce_featured_task, story_id=story_id)
