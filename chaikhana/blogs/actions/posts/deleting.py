"""Deleting a post for good (the portal withdraws stories instead: their addresses answer 410)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions, signals
from chaikhana.blogs.actions.posts.announce import lock
from chaikhana.blogs.actions.posts.writers import member
from chaikhana.blogs.models import Post


@transaction.atomic
def delete_post(*, post: Post, by: User) -> None:
    post = lock(post)
    writer = member(post.blog, by)
    if not permissions.can_delete_post(writer.membership, post):
        raise PermissionDenied(_("You may not delete this post."))
    post_id, blog_id = post.pk, post.blog_id
    post.delete()
    transaction.on_commit(lambda: signals.post_deleted.send(Post, post_id=post_id, blog_id=blog_id))
