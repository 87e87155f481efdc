"""Who is writing: a member of the blog (her role decides), or the portal's desk.

Every post action starts by naming its writer. An editorial blog (the portal) refuses
every member, whatever her role: its stories change only through the desk, whose own
actions (chaikhana/portal/actions) check sections, assignments and the fact-check first.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.access import EditorialBlogRefused, membership_of
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.core.errors import ActionError


@dataclass(frozen=True)
class Writer:
    user: User
    membership: Membership | None  # None: the desk, on an editorial blog
    is_desk: bool = False

    def may_edit(self, post: Post) -> bool:
        return self.is_desk or permissions.can_edit_post(self.membership, post)

    def may_publish(self, post: Post) -> bool:
        return self.is_desk or permissions.can_publish_post(self.membership, post)

    def require_edit(self, post: Post) -> None:
        if not self.may_edit(post):
            raise PermissionDenied(_("You may not edit this post."))

    def require_publish(self, post: Post) -> None:
        self.require_edit(post)
        if not self.may_publish(post):
            raise PermissionDenied(
                _("Contributors submit posts for review; an editor or the owner publishes them.")
            )


def member(blog: Blog, by: User) -> Writer:
    """*by* writing as a member of *blog*; refused on editorial blogs and to non-members."""
    if blog.is_editorial:
        raise EditorialBlogRefused()
    membership = membership_of(by, blog)
    if membership is None:
        raise PermissionDenied(_("You are not a member of this blog."))
    return Writer(user=by, membership=membership)


def desk(blog: Blog, by: User) -> Writer:
    """*by* writing for the portal's desk, which has already checked her role there."""
    if not blog.is_editorial:
        raise ActionError(_("Only the portal's stories are written at the desk."))
    return Writer(user=by, membership=None, is_desk=True)
