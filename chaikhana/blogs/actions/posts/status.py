"""A post's status and publish time: one action per move, each guarded by the writer's role.

draft ⇄ pending (review) → published / scheduled / private, and back to draft. Moves bump
the post's version, so an editor open on the old state gets an edit conflict rather than
silently undoing someone's publication.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.actions.posts.announce import announce, lock
from chaikhana.blogs.actions.posts.writers import Writer, desk, member
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError, InvalidTransition

Status = Post.Status


def _move(post: Post, status: str, published_at: datetime | None) -> Post:
    was_public = post.is_public
    post.status, post.published_at = status, published_at
    post.version += 1
    post.save(update_fields=["status", "published_at", "version", "updated_at"])
    announce(post, was_public=was_public)
    return post


def _future(at: datetime | None) -> datetime:
    """*at* if it is still to come; a schedule without a time, or in the past, is refused."""
    if at is None or at <= timezone.now():
        raise ActionError(_("Choose a publish time in the future."), field="published_at")
    return at


@transaction.atomic
def submit_post_for_review(*, post: Post, by: User) -> Post:
    """A draft goes to the blog's editors (what contributors do instead of publishing)."""
    post = lock(post)
    member(post.blog, by).require_edit(post)
    if post.status == Status.PENDING:
        return post
    if post.status != Status.DRAFT:
        raise InvalidTransition(_("Only a draft can be sent for review."))
    return _move(post, Status.PENDING, None)


@transaction.atomic
def publish_post(*, post: Post, by: User, at: datetime | None = None) -> Post:
    """Publish now, or backdated to *at* (a past time); a future time is schedule_post's."""
    return _publish(member(post.blog, by), lock(post), at)


@transaction.atomic
def publish_editorial_post(*, post: Post, by: User) -> Post:
    """The desk publishes a story (the portal has checked the fact-check and the role)."""
    return _publish(desk(post.blog, by), lock(post), None)


def _publish(writer: Writer, post: Post, at: datetime | None) -> Post:
    writer.require_publish(post)
    now = timezone.now()
    if at is not None and at > now:
        raise ActionError(
            _("That time is still to come: schedule the post instead."), field="published_at"
        )
    if post.is_public and at in (None, post.published_at):
        return post
    # Publishing again what was public before keeps its first date; a scheduled time not
    # yet reached is dropped: a published post dated ahead would be hidden and never announced.
    earlier = post.published_at if post.published_at and post.published_at <= now else None
    return _move(post, Status.PUBLISHED, at or earlier or now)


@transaction.atomic
def schedule_post(*, post: Post, by: User, at: datetime | None) -> Post:
    """Publish *post* at *at* (in the future), by the publish_due_posts task."""
    return _schedule(member(post.blog, by), lock(post), at)


@transaction.atomic
def schedule_editorial_post(*, post: Post, by: User, at: datetime | None) -> Post:
    return _schedule(desk(post.blog, by), lock(post), at)


def _schedule(writer: Writer, post: Post, at: datetime | None) -> Post:
    writer.require_publish(post)
    at = _future(at)
    if post.status == Status.SCHEDULED and post.published_at == at:
        return post
    return _move(post, Status.SCHEDULED, at)


@transaction.atomic
def unschedule_post(*, post: Post, by: User) -> Post:
    """A scheduled post goes back to being a draft; nothing is published."""
    return _unschedule(member(post.blog, by), lock(post))


@transaction.atomic
def unschedule_editorial_post(*, post: Post, by: User) -> Post:
    return _unschedule(desk(post.blog, by), lock(post))


def _unschedule(writer: Writer, post: Post) -> Post:
    writer.require_publish(post)
    if post.status != Status.SCHEDULED:
        raise InvalidTransition(_("This post is not scheduled."))
    return _move(post, Status.DRAFT, None)


@transaction.atomic
def make_post_private(*, post: Post, by: User, at: datetime | None = None) -> Post:
    """Only the blog's owners and editors (and the author, for her own) can read it."""
    post = lock(post)
    member(post.blog, by).require_publish(post)
    if post.status == Status.PRIVATE and at in (None, post.published_at):
        return post
    return _move(post, Status.PRIVATE, at or post.published_at or timezone.now())


@transaction.atomic
def unpublish_post(*, post: Post, by: User) -> Post:
    """Back to a draft: off the blog, its feeds and search; its address and date are kept."""
    post = lock(post)
    writer = member(post.blog, by)
    if post.status == Status.PENDING:
        writer.require_edit(post)
    else:
        writer.require_publish(post)
    return _to_draft(post)


@transaction.atomic
def withdraw_editorial_post(*, post: Post, by: User) -> Post:
    """The desk takes a story down (the portal keeps the record and answers 410)."""
    post = lock(post)
    desk(post.blog, by).require_publish(post)
    return _to_draft(post)


def _to_draft(post: Post) -> Post:
    if post.status == Status.DRAFT:
        raise InvalidTransition(_("This post is already a draft."))
    now = timezone.now()
    kept = post.published_at if post.published_at and post.published_at <= now else None
    return _move(post, Status.DRAFT, kept)


@transaction.atomic
def date_draft(*, post: Post, by: User, at: datetime | None) -> Post:
    """The date a draft will carry once published: an old text published backdated."""
    post = lock(post)
    member(post.blog, by).require_edit(post)
    if post.status not in (Status.DRAFT, Status.PENDING):
        raise InvalidTransition(_("Only an unpublished post can be dated this way."))
    if post.published_at == at:
        return post
    return _move(post, post.status, at)


def publish_due_posts() -> int:
    """Publish every scheduled post whose time has come; safe to run at any time, twice."""
    published = 0
    for post_id in Post.objects.due().values_list("pk", flat=True):
        with transaction.atomic():
            post = Post.objects.select_for_update().filter(pk=post_id).first()
            if post is None or post.status != Status.SCHEDULED:
                continue
            _move(post, Status.PUBLISHED, post.published_at)
            published += 1
    return published
