"""What blogs does when other apps announce something (accounts never imports blogs)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction

from chaikhana.accounts.models import User
from chaikhana.blogs import signals
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.roles import Role


def delete_blogs_owned_alone(sender: Any, *, user_id: int, **kwargs: Any) -> None:
    """Before an account goes, delete the blogs it is the only owner of.

    Runs inside delete_account's transaction. Co-owned blogs stay; the membership goes
    with the user (CASCADE) and her posts keep their byline.
    """
    owned = Membership.objects.filter(user_id=user_id, role=Role.OWNER).values("blog_id")
    co_owned = (
        Membership.objects.filter(blog_id__in=owned, role=Role.OWNER)
        .exclude(user_id=user_id)
        .values("blog_id")
    )
    doomed = list(Blog.objects.filter(pk__in=owned).exclude(pk__in=co_owned))
    for blog in doomed:
        blog_id = blog.pk
        blog.delete()
        transaction.on_commit(partial(signals.blog_changed.send, Blog, blog_id=blog_id))


def writable_blogs(user: User) -> list[tuple[int, str]]:
    """(id, title) of the blogs *user* writes for; never the portal's, written at its desk."""
    found = Blog.objects.of_member(user).filter(is_editorial=False).order_by("title", "pk")
    return list(found.values_list("pk", "title"))
