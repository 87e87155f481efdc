"""Fetch + permission for the owner's pages."""

from __future__ import annotations

from django.http import Http404

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.federation.models import Follower


def access_follower(user: User, blog_name: str, pk: int) -> Follower:
    """A follower of a blog *user* manages (403 for others' blogs, 404 for no such follower)."""
    blog, _membership = access_blog_for_manage(user, blog_name)
    follower = (
        Follower.objects.for_blog(blog).select_related("blog", "remote").filter(pk=pk).first()
    )
    if follower is None:
        raise Http404
    return follower
