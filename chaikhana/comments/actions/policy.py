"""Changing a blog's comment policy (its owner only)."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.access import membership_of
from chaikhana.blogs.models import Blog
from chaikhana.comments import signals
from chaikhana.comments.models import CommentSettings


@transaction.atomic
def update_comment_settings(
    *,
    blog: Blog,
    by: User,
    mode: str,
    close_after_days: int,
    hold_first_comment: bool,
    max_links: int,
) -> CommentSettings:
    """Store *blog*'s comment policy, creating its row on the first change; listeners (the
    page cache) hear of it after commit."""
    if not permissions.can_manage_blog(membership_of(by, blog)):
        raise PermissionDenied(_("Only the blog's owner may change its comment settings."))
    policy, _created = CommentSettings.objects.update_or_create(
        blog=blog,
        defaults={
            "mode": mode,
            "close_after_days": close_after_days,
            "hold_first_comment": hold_first_comment,
            "max_links": max_links,
        },
    )
    transaction.on_commit(
        partial(signals.comment_settings_changed.send, CommentSettings, blog_id=blog.pk)
    )
    return policy
