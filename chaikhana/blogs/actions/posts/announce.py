"""What every post write ends with: a revision, the old address kept, listeners told on commit."""

from __future__ import annotations

from django.db import transaction

from chaikhana.accounts.models import User
from chaikhana.blogs import signals
from chaikhana.blogs.models import Post, Revision, SlugRedirect
from chaikhana.core.tasks import enqueue_on_commit


def keep_revision(post: Post, by: User, kind: str = Revision.Kind.SAVE) -> Revision:
    return Revision.objects.create(
        post=post,
        user=by,
        kind=kind,
        title=post.title,
        body_source=post.body_source,
        body_format=post.body_format,
        excerpt=post.excerpt,
        post_version=post.version,
    )


def remember_old_slug(post: Post, old_slug: str, was_public: bool) -> None:
    # The post's current address always wins over an old one pointing elsewhere.
    SlugRedirect.objects.filter(blog=post.blog, old_slug=post.slug).delete()
    if was_public and old_slug and old_slug != post.slug:
        SlugRedirect.objects.update_or_create(
            blog=post.blog, old_slug=old_slug, defaults={"post": post}
        )


def announce(post: Post, *, was_public: bool) -> None:
    """Tell listeners after commit: changed always, published when it just became public."""
    post_id = post.pk
    transaction.on_commit(
        lambda: signals.post_changed.send(Post, post_id=post_id, was_public=was_public)
    )
    if post.is_public and not was_public:
        transaction.on_commit(lambda: signals.post_published.send(Post, post_id=post_id))
    if post.status == Post.Status.SCHEDULED and post.published_at:
        from chaikhana.blogs.tasks import publish_due_posts_task  # tasks imports the actions

        enqueue_on_commit(publish_due_posts_task, run_after=post.published_at)


def lock(post: Post) -> Post:
    """The post's row, locked for this transaction and read afresh."""
    return Post.objects.select_related("blog").select_for_update().get(pk=post.pk)
