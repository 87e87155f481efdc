"""What reading does when blogs announces a change (blogs never imports reading).

Search: the signals arrive after commit with ids only; indexing runs as a task so that saving a
post never waits for stemming its text.
"""

from __future__ import annotations

from typing import Any

from chaikhana.blogs.models import Blog
from chaikhana.reading.cache import (
    invalidate_blog_lists,
    invalidate_blog_settings,
    invalidate_network,
    invalidate_post,
)
from chaikhana.reading.search.tasks import (
    forget_deleted_blog_task,
    index_post_task,
    index_posts_task,
)


def reindex_post(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """post_changed, post_deleted: the task indexes the post or forgets it."""
    index_post_task.enqueue(post_id=post_id)


def forget_blog_if_deleted(sender: Any, *, blog_id: int, **kwargs: Any) -> None:
    """blog_changed: visibility is checked at search time; only a deletion leaves work."""
    forget_deleted_blog_task.enqueue(blog_id=blog_id)


def refresh_post_page(sender: Any, *, post_id: int, **kwargs: Any) -> None:
    """comment_approved, comment_removed (comments, after commit): the post's page changed."""
    invalidate_post(post_id)


def refresh_blog_pages(sender: Any, *, blog_id: int, **kwargs: Any) -> None:
    """comment_settings_changed (comments, after commit): every post page of the blog shows
    the comment form, or its absence, differently."""
    invalidate_blog_settings(blog_id)


def on_posts_imported(sender: Any, *, blog_id: int, post_ids: list[int], **kwargs: Any) -> None:
    """posts_imported, posts_rerendered (blogs, after commit): a batch's pages, its blog's
    lists, one index task."""
    for post_id in post_ids:
        invalidate_post(post_id)
    invalidate_blog_lists(blog_id)
    if Blog.objects.listed().filter(pk=blog_id).exists():
        invalidate_network()
    index_posts_task.enqueue(post_ids=post_ids)
