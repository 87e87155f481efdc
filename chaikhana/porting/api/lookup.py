"""Finding a member's blog and post by the ids API clients send (our primary keys).

The portal's blog is never written through an API: its stories change only at the editors'
desk. It is listed nowhere here, and naming it (or one of its stories) is refused with
blogs' EditorialBlogRefused, whose message points to the desk — even for the editors the
desk made members of it.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_post, membership_of
from chaikhana.blogs.actions.posts import EditorialBlogRefused
from chaikhana.blogs.models import Blog, Membership, Post


def memberships(user: User) -> list[tuple[Blog, Membership]]:
    """Every active blog she is a member of (the portal's too), oldest membership first."""
    found = (
        Membership.objects.filter(user=user, blog__is_active=True)
        .select_related("blog")
        .order_by("created_at", "pk")
    )
    return [(m.blog, m) for m in found]


def member_blogs(user: User) -> list[tuple[Blog, Membership]]:
    """The blogs she may write in through an API, oldest membership first."""
    return [(blog, m) for blog, m in memberships(user) if not blog.is_editorial]


def refuse_editorial(blog: Blog) -> None:
    if blog.is_editorial:
        raise EditorialBlogRefused()


def blog_of_member(user: User, blog_id: int) -> tuple[Blog, Membership]:
    """Blog *blog_id* if she writes for it; 404 otherwise (strangers learn nothing)."""
    blog = Blog.objects.filter(pk=blog_id, is_active=True).first()
    membership = membership_of(user, blog) if blog is not None else None
    if blog is None or membership is None:
        raise Http404(_("Invalid blog ID."))
    refuse_editorial(blog)
    return blog, membership


def post_of_member(user: User, post_id: int, *, for_edit: bool = False) -> Post:
    """Post *post_id* of any blog she writes for, through blogs' access_post."""
    blog = Blog.objects.filter(is_active=True, posts__pk=post_id, memberships__user=user).first()
    if blog is None:
        raise Http404(_("Invalid post ID."))
    refuse_editorial(blog)
    return access_post(user, blog, post_id, for_edit=for_edit)
