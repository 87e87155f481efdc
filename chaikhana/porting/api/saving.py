"""WordPress's refusal to publish, shared by the XML-RPC dialects.

A contributor asking to publish is refused with 401 "Sorry, you are not allowed to publish
posts on this site.", as WordPress does (wp_xmlrpc_server::_insert_post), before anything is
saved: silently saving it as pending would leave the client believing the post is live.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chaikhana.blogs import permissions
from chaikhana.blogs.models import Membership, Post
from chaikhana.blogs.roles import PUBLISHES

PUBLISHING = {Post.Status.PUBLISHED, Post.Status.SCHEDULED, Post.Status.PRIVATE}


def guard_publishing(membership: Membership, post: Post | None, status: str) -> None:
    """WordPress's refusal, before anything is saved (see the module docstring)."""
    # A new post would be hers: what her role allows for her own posts.
    allowed = (
        permissions.can_publish_post(membership, post)
        if post is not None
        else membership.role in PUBLISHES
    )
    if status in PUBLISHING and not allowed:
        raise PermissionDenied(_("Sorry, you are not allowed to publish posts on this site."))
