"""In-app notifications of new comments, and unsubscribing from reply mail."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Membership
from chaikhana.blogs.roles import Role
from chaikhana.comments.models import Comment, Notification
from chaikhana.comments.tasks import send_new_comment_mail
from chaikhana.core.tasks import enqueue_on_commit


def _recipients(comment: Comment) -> set[int]:
    """The post's author and the blog's owners, but not the commenter herself."""
    owners = Membership.objects.filter(blog_id=comment.blog_id, role=Role.OWNER)
    ids = set(owners.values_list("user_id", flat=True))
    if comment.post.author_id is not None:
        author = Membership.objects.filter(pk=comment.post.author_id)
        ids.update(author.values_list("user_id", flat=True))
    ids.discard(comment.author_id)  # type: ignore[arg-type]
    return ids


def notify_new_comment(comment: Comment) -> None:
    """A notification row per recipient now; the mail after commit (a task)."""
    if comment.status == Comment.Status.SPAM:
        return
    Notification.objects.bulk_create(
        [
            Notification(user_id=user_id, blog_id=comment.blog_id, comment=comment)
            for user_id in _recipients(comment)
        ],
        ignore_conflicts=True,
    )
    enqueue_on_commit(send_new_comment_mail, comment_id=comment.pk)


@transaction.atomic
def mark_notifications_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark *user*'s notifications read (those with *ids*, or all); returns how many."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


@transaction.atomic
def unsubscribe_replies(*, comment: Comment) -> Comment:
    """Stop reply mail for *comment*; doing it twice is harmless (one-click links get reused)."""
    if comment.notify_replies:
        comment.notify_replies = False
        comment.save(update_fields=["notify_replies"])
    return comment
