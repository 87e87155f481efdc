"""The comments app's tables: comments, each blog's comment policy, in-app notifications."""

from chaikhana.comments.models.comment import Comment, CommentQuerySet
from chaikhana.comments.models.notification import Notification
from chaikhana.comments.models.policy import CommentSettings
from chaikhana.comments.spam import models as spam_models  # noqa: F401  (the spam tables)

__all__ = ["Comment", "CommentQuerySet", "CommentSettings", "Notification"]
