"""What follows a comment's change of visibility, scheduled for after the commit."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from chaikhana.comments import signals
from chaikhana.comments.models import Comment
from chaikhana.comments.tasks import send_reply_mail
from chaikhana.core.tasks import enqueue_on_commit


def announce_visible(comment: Comment) -> None:
    """Tell listeners (page cache, feeds) and, once, the parent's writer who asked for replies."""
    transaction.on_commit(
        partial(
            signals.comment_approved.send,
            Comment,
            post_id=comment.post_id,
            comment_id=comment.pk,
        )
    )
    if comment.parent_id is not None and comment.reply_mail_sent_at is None:
        enqueue_on_commit(send_reply_mail, comment_id=comment.pk)


def announce_received(comment: Comment) -> None:
    """Tell listeners (webhooks) a comment arrived, before any moderation."""
    transaction.on_commit(
        partial(
            signals.comment_received.send,
            Comment,
            post_id=comment.post_id,
            comment_id=comment.pk,
        )
    )


def announce_removed(comment: Comment) -> None:
    transaction.on_commit(
        partial(
            signals.comment_removed.send,
            Comment,
            post_id=comment.post_id,
            comment_id=comment.pk,
        )
    )
