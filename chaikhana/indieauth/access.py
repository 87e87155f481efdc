"""Fetch + permission for IndieAuth: the blogs a writer may sign in as, her own grants."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership
from chaikhana.indieauth.models import Grant


def writable_blogs(user: User) -> list[Blog]:
    """The blogs she writes for (never the portal's, whose stories go through the desk)."""
    found = (
        Membership.objects.filter(user=user, blog__is_active=True, blog__is_editorial=False)
        .select_related("blog")
        .order_by("created_at", "pk")
    )
    return [m.blog for m in found]


def access_writable_blog(user: User, blog_id: str) -> Blog:
    """Blog *blog_id* if she writes for it; 404 otherwise."""
    for blog in writable_blogs(user):
        if str(blog.pk) == blog_id:
            return blog
    raise Http404(_("You do not write for this blog."))


def access_own_grant(user: User, grant_id: int) -> Grant:
    grant = Grant.objects.of(user).filter(pk=grant_id).first()
    if grant is None:
        raise Http404(_("There is no such sign-in."))
    return grant


def access_signed_in_blog(blog_id: int) -> Blog:
    """The blog a code was just redeemed for (the redemption checked her membership)."""
    blog = Blog.objects.filter(pk=blog_id, is_active=True).first()
    if blog is None:
        raise Http404(_("You do not write for this blog."))
    return blog
