"""Background work for linkbacks: ids and URLs in, one action out; idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from chaikhana.blogs.models import Post
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.core.urls import absolute_url
from chaikhana.linkbacks import actions, conf, outbound
from chaikhana.linkbacks.models import OutgoingLink


@task()
def verify_mention_task(*, post_id: int, source: str, target: str, kind: str) -> None:
    """Fetch a mention's source and store, update or remove it (safe to run twice)."""
    if (post := Post.objects.filter(pk=post_id).first()) is not None:
        actions.verify_mention(post=post, source=source, target=target, kind=kind)


@task()
def send_linkbacks_task(*, post_id: int) -> None:
    """Fan out one notification task per link of a post's saved state.

    post_changed and post_published both arrive for one publishing save; the state key
    (id + updated_at) makes the second a no-op.
    """
    post = Post.objects.select_related("blog").filter(pk=post_id).first()
    if post is None or post.blog.visibility == post.blog.Visibility.PRIVATE:
        return
    # False: already fanned out. None: the cache is away (Redis stopped); then fan out, since
    # a receiver ignores a repeated linkback but nobody resends a skipped one.
    if cache.add(f"linkbacks:fanout:{post.pk}:{post.updated_at.timestamp()}", 1, 3600) is False:
        return
    for target in outbound.links_to_notify(post=post):
        enqueue_on_commit(send_linkback_task, post_id=post.pk, target=target, attempt=1)


@task()
def send_linkback_task(*, post_id: int, target: str, attempt: int) -> None:
    """Notify one target; on trouble try again later with growing waits, then record failure."""
    post = Post.objects.select_related("blog").filter(pk=post_id).first()
    if post is None:
        return
    try:
        outbound.notify(post=post, target=target, source=absolute_url(post.get_absolute_url()))
    except outbound.TransientError:
        if attempt >= conf.send_attempts():
            OutgoingLink.objects.update_or_create(
                post=post, target_url=target, defaults={"status": OutgoingLink.Status.FAILED}
            )
            return
        wait = timedelta(seconds=conf.retry_base_seconds() * 4 ** (attempt - 1))
        enqueue_on_commit(
            send_linkback_task,
            run_after=timezone.now() + wait,
            post_id=post_id,
            target=target,
            attempt=attempt + 1,
        )
