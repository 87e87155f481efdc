"""Comments that came from another server (a fediverse reply): its writer edits or deletes
them there, and the protocol that carried them calls these (no edit window, no account)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from chaikhana.comments.actions.announce import announce_removed, announce_visible
from chaikhana.comments.actions.posting import check_body
from chaikhana.comments.models import Comment, CommentSettings
from chaikhana.comments.moderation import assess_comment


@transaction.atomic
def edit_remote_comment(*, comment: Comment, body: str) -> Comment:
    """Its writer changed it where it lives: the new text is judged again like a new one."""
    if comment.status not in (Comment.Status.APPROVED, Comment.Status.PENDING):
        return comment
    comment.body_source = check_body(body)
    comment.edited_at = timezone.now()
    comment.save()
    if comment.status == Comment.Status.APPROVED:
        verdict = assess_comment(comment=comment, policy=CommentSettings.objects.of(comment.blog))
        if verdict.status != Comment.Status.APPROVED:
            comment.status = Comment.Status.PENDING
            comment.save(update_fields=["status"])
            announce_removed(comment)
        else:
            announce_visible(comment)
    return comment


@transaction.atomic
def withdraw_remote_comment(*, comment: Comment) -> Comment:
    """Its writer deleted it where it lives: to the trash (replies stay with their thread)."""
    was_visible = comment.status == Comment.Status.APPROVED
    comment.status = Comment.Status.TRASH
    comment.save(update_fields=["status"])
    if was_visible:
        announce_removed(comment)
    return comment
