"""A blog's owners and editors decide on comments: approve, spam, trash, restore, reply.

Each decision is a guarded transition; entering or leaving "approved" is announced after
commit, and spam/ham decisions teach the spam engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chaikhana.accounts.models import User
from chaikhana.blogs.access import membership_of
from chaikhana.blogs.models import Blog, Post
from chaikhana.comments import editorial
from chaikhana.comments.actions.announce import announce_removed, announce_visible
from chaikhana.comments.actions.posting import attach_point, check_body
from chaikhana.comments.identity import shown_name
from chaikhana.comments.models import Comment
from chaikhana.comments.moderation import train_spam_engine
from chaikhana.comments.permissions import can_moderate
from chaikhana.core.errors import InvalidTransition

Status = Comment.Status


def require_moderator(blog: Blog, by: User, post: Post | None = None) -> None:
    """Her role on *blog*; on an editorial blog the desk's roles, for *post* when given."""
    if blog.is_editorial:
        allowed = editorial.moderates(by, post)
    else:
        allowed = can_moderate(membership_of(by, blog))
    if not allowed:
        raise PermissionDenied(_("Only the blog's owners and editors may moderate comments."))


def _move(comment: Comment, to: str, allowed_from: set[str]) -> str:
    """Set the new status; announce a change of visibility. Returns the old status."""
    old = comment.status
    if old not in allowed_from:
        raise InvalidTransition(
            _("This comment is already marked “%(status)s”.")
            % {"status": comment.get_status_display()}
        )
    comment.status = to
    comment.save(update_fields=["status"])
    if to == Status.APPROVED:
        announce_visible(comment)
    elif old == Status.APPROVED:
        announce_removed(comment)
    return old


@transaction.atomic
def approve_comment(*, comment: Comment, by: User) -> Comment:
    """Show *comment* to readers; approving a spam-filed comment teaches the engine "ham"."""
    require_moderator(comment.blog, by, comment.post)
    old = _move(comment, Status.APPROVED, {Status.PENDING, Status.SPAM, Status.TRASH})
    if old == Status.SPAM:
        train_spam_engine(comment=comment, is_spam=False)
    return comment


@transaction.atomic
def mark_comment_spam(*, comment: Comment, by: User) -> Comment:
    require_moderator(comment.blog, by, comment.post)
    _move(comment, Status.SPAM, {Status.PENDING, Status.APPROVED, Status.TRASH})
    train_spam_engine(comment=comment, is_spam=True)
    return comment


@transaction.atomic
def trash_comment(*, comment: Comment, by: User) -> Comment:
    require_moderator(comment.blog, by, comment.post)
    _move(comment, Status.TRASH, {Status.PENDING, Status.APPROVED, Status.SPAM})
    return comment


@transaction.atomic
def restore_comment(*, comment: Comment, by: User) -> Comment:
    """Back from trash or spam to the queue, where a moderator looks at it again."""
    require_moderator(comment.blog, by, comment.post)
    old = _move(comment, Status.PENDING, {Status.TRASH, Status.SPAM})
    if old == Status.SPAM:
        train_spam_engine(comment=comment, is_spam=False)
    return comment


DECISIONS: dict[str, tuple[Callable[..., Comment], object]] = {
    "approve": (approve_comment, gettext_lazy("Approve")),
    "spam": (mark_comment_spam, gettext_lazy("Mark as spam")),
    "trash": (trash_comment, gettext_lazy("Move to trash")),
    "restore": (restore_comment, gettext_lazy("Restore")),
}


@transaction.atomic
def moderate_comments(*, blog: Blog, by: User, ids: Iterable[int], decision: str) -> int:
    """One decision for several comments of *blog*; those already there are skipped.

    Returns how many changed.
    """
    require_moderator(blog, by)
    action = DECISIONS[decision][0]
    changed = 0
    for comment in Comment.objects.for_blog(blog).filter(pk__in=list(ids)).select_related("blog"):
        try:
            with transaction.atomic():
                action(comment=comment, by=by)
        except InvalidTransition:
            continue
        changed += 1
    return changed


@transaction.atomic
def reply_as_moderator(*, comment: Comment, by: User, body: str) -> Comment:
    """An approved reply by the moderator; replying to a waiting comment approves it too
    (a reply under a hidden comment would make no sense to readers)."""
    require_moderator(comment.blog, by, comment.post)
    if comment.status in {Status.SPAM, Status.TRASH}:
        raise InvalidTransition(_("Restore the comment before replying to it."))
    if comment.status == Status.PENDING:
        approve_comment(comment=comment, by=by)
    parent = attach_point(comment.post, comment.pk)
    reply = Comment(
        blog=comment.blog,
        post=comment.post,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        author=by,
        name=shown_name(by, comment.post),
        body_source=check_body(body),
        status=Status.APPROVED,
    )
    reply.save()
    announce_visible(reply)
    return reply
