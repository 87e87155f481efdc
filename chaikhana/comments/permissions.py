"""Who may moderate a blog's comments, and whether a post takes comments now."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from chaikhana.blogs.models import Membership, Post
from chaikhana.blogs.roles import Role
from chaikhana.comments.models import CommentSettings

# WordPress's meaning: moderate_comments belongs to editors and administrators.
MODERATES = {Role.OWNER, Role.EDITOR}


def can_moderate(membership: Membership | None) -> bool:
    return membership is not None and membership.role in MODERATES


def comments_closed_on(post: Post, policy: CommentSettings) -> bool:
    """Closed by the blog's mode, or by age: N days after publication (0 = never)."""
    if policy.mode == CommentSettings.Mode.CLOSED:
        return True
    if policy.close_after_days and post.published_at is not None:
        return timezone.now() > post.published_at + timedelta(days=policy.close_after_days)
    return False
