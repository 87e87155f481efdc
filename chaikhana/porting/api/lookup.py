"""Finding a member's blog and post by the ids API clients send (our primary keys)."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_post, membership_of
from chaikhana.blogs.models import Blog, Membership, Post


def member_blogs(user: User) -> list[tuple[Blog, Membership]]:
    """Her active blogs with her membership of each, oldest membership first."""
    memberships = (
        Membership.objects.filter(user=user, blog__is_active=True)
        .select_related("blog")
        .order_by("created_at", "pk")
    )
    return [(m.blog, m) for m in memberships]


def blog_of_member(user: User, blog_id: int) -> tuple[Blog, Membership]:
    """Blog *blog_id* if she writes for it; 404 otherwise (strangers learn nothing)."""
    blog = Blog.objects.filter(pk=blog_id, is_active=True).first()
    membership = membership_of(user, blog) if blog is not None else None
    if blog is None or membership is None:
        raise Http404(_("Invalid blog ID."))
    return blog, membership


def post_of_member(user: User, post_id: int, *, for_edit: bool = False) -> Post:
    """Post *post_id* of any blog she writes for, through blogs' access_post."""
    blog = Blog.objects.filter(is_active=True, posts__pk=post_id, memberships__user=user).first()
    if blog is None:
        raise Http404(_("Invalid post ID."))
    return access_post(user, blog, post_id, for_edit=for_edit)
