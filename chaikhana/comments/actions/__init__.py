"""Every write to comments that has consequences goes through these functions."""

from chaikhana.comments.actions.moderating import (
    DECISIONS,
    approve_comment,
    mark_comment_spam,
    moderate_comments,
    reply_as_moderator,
    restore_comment,
    trash_comment,
)
from chaikhana.comments.actions.notifying import mark_notifications_read, unsubscribe_replies
from chaikhana.comments.actions.policy import update_comment_settings
from chaikhana.comments.actions.posting import (
    CommentInput,
    delete_own_comment,
    edit_own_comment,
    post_comment,
)

__all__ = [
    "DECISIONS",
    "CommentInput",
    "approve_comment",
    "delete_own_comment",
    "edit_own_comment",
    "mark_comment_spam",
    "mark_notifications_read",
    "moderate_comments",
    "post_comment",
    "reply_as_moderator",
    "restore_comment",
    "trash_comment",
    "unsubscribe_replies",
    "update_comment_settings",
]
