"""Background index maintenance: ids in, one action out, idempotent."""

from __future__ import annotations

from django_tasks import task

from chaikhana.reading.search import actions


@task()
def index_post_task(*, post_id: int) -> None:
    actions.index_post(post_id=post_id)


@task()
def forget_deleted_blog_task(*, blog_id: int) -> None:
    actions.forget_deleted_blog(blog_id=blog_id)


@task()
def index_posts_task(*, post_ids: list[int]) -> None:
    """index_post_task for many posts at once (a batch of an import: one task row, not N)."""
    for post_id in post_ids:
        actions.index_post(post_id=post_id)
