"""What every API write of a post shares: WordPress's refusal to publish, and all-or-nothing edits.

A contributor asking to publish is refused with 401 "Sorry, you are not allowed to publish
posts on this site.", as WordPress does (wp_xmlrpc_server::_insert_post), before anything is
saved: silently saving it as pending would leave the client believing the post is live.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.actions import PostRequest, save_requested_post
from chaikhana.blogs.models import Membership, Post

PUBLISHING = {Post.Status.PUBLISHED, Post.Status.SCHEDULED, Post.Status.PRIVATE}


def guard_publishing(membership: Membership, post: Post | None, status: str) -> None:
    """WordPress's refusal, before anything is saved (see the module docstring)."""
    subject = post if post is not None else Post(author=membership)
    if status in PUBLISHING and not permissions.can_publish_post(membership, subject):
        raise PermissionDenied(_("Sorry, you are not allowed to publish posts on this site."))


@transaction.atomic
def save_edit(*, post: Post, by: User, request: PostRequest) -> Post:
    """Save an API client's edit of *post* whole, or not at all.

    save_requested_post saves the text, then moves the status; a move refused (a schedule in
    the past, say) must not leave the new text saved behind the client's back. APIs send no
    base version, so there is no edit conflict whose kept text this could roll back.
    """
    return save_requested_post(blog=post.blog, by=by, request=request, post=post)
