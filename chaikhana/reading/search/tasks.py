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
