"""Background work for federation: ids in, one action out; idempotent."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.federation import delivery
from chaikhana.federation.actions import gone, outbound, portal, sections
from chaikhana.federation.models import Delivery


@task()
def sync_post_task(*, post_id: int, version: int) -> None:
    """Create/Update/Delete for one post; an edit made since then has its own task (debounce)."""
    post = Post.objects.select_related("blog").filter(pk=post_id).first()
    if post is not None and post.version == version:
        outbound.sync_post(post=post)
        if post.blog.is_editorial:  # a story signed with a pseudonym since it was featured
            portal.withdraw_announce(story=post)


@task()
def withdraw_post_task(*, post_id: int, blog_id: int) -> None:
    if (blog := Blog.objects.filter(pk=blog_id).first()) is not None:
        outbound.withdraw_post(blog=blog, post_pk=post_id)


@task()
def withdraw_blog_task(*, blog_id: int) -> None:
    """A blog changed: withdraw its posts if it stopped federating; remember it if deleted."""
    if (blog := Blog.objects.filter(pk=blog_id).first()) is not None:
        outbound.withdraw_blog(blog=blog)
    else:
        gone.bury_actor(blog_id=blog_id)


@task()
def deliver_task(*, delivery_id: int, attempt: int) -> None:
    """One try of one delivery; on a temporary failure, the next try later (back-off)."""
    row = Delivery.objects.select_related("blog").filter(pk=delivery_id).first()
    if row is None or row.status != Delivery.Status.PENDING or row.attempts >= attempt:
        return
    if not row.blog.is_active:  # suspended: deliveries stop
        Delivery.objects.filter(pk=row.pk).update(
            status=Delivery.Status.FAILED, last_error="suspended"
        )
        return
    if delivery.send(row) == delivery.Outcome.RETRY and row.status == Delivery.Status.PENDING:
        enqueue_on_commit(
            deliver_task,
            run_after=timezone.now() + delivery.retry_wait(attempt),
            delivery_id=row.pk,
            attempt=attempt + 1,
        )


@task()
def announce_featured_task(*, story_id: int) -> None:
    if (story := Post.objects.select_related("blog").filter(pk=story_id).first()) is not None:
        portal.announce_featured(story=story)  # the blogger's original, from the portal
        sections.announce_in_section(story=story)  # the story itself, from its section
