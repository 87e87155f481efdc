"""Fetch + permission for comments, built on chaikhana.blogs.access.

A post a reader may not open, or a comment of another blog, answers 404 like one that does
not exist; a blog's queue seen by a member who may not moderate answers 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import MovedPost, access_blog_as_member, access_public_post
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.blogs.views.common import reader_blog
from chaikhana.comments.models import Comment
from chaikhana.comments.permissions import can_moderate


def access_post_for_comments(
    request: HttpRequest, blog: str | None, slug: str
) -> tuple[Blog, Membership | None, Post]:
    """The post at *slug* if this reader may open it (an old slug finds it too)."""
    the_blog, membership = reader_blog(request, blog)
    try:
        post = access_public_post(request.user, the_blog, membership, slug)  # type: ignore[arg-type]
    except MovedPost as moved:
        post = moved.post
    return the_blog, membership, post


def access_comment(request: HttpRequest, blog: str | None, comment_id: int) -> Comment:
    """A comment of a blog the reader may see, on a post she may open."""
    the_blog, membership = reader_blog(request, blog)
    comment = (
        Comment.objects.for_blog(the_blog).select_related("post", "blog").filter(pk=comment_id)
    ).first()
    if comment is None:
        raise Http404(_("There is no such comment."))
    access_public_post(request.user, the_blog, membership, comment.post.slug)  # type: ignore[arg-type]
    return comment


def access_blog_for_moderation(user: User, name: str) -> tuple[Blog, Membership]:
    blog, membership = access_blog_as_member(user, name)
    if not can_moderate(membership):
        raise PermissionDenied(_("Only the blog's owners and editors may moderate comments."))
    return blog, membership


def access_moderated_comment(blog: Blog, comment_id: int) -> Comment:
    comment = Comment.objects.for_blog(blog).select_related("post", "blog").filter(pk=comment_id)
    found = comment.first()
    if found is None:
        raise Http404(_("There is no such comment."))
    return found


def access_comment_by_token(comment_id: int | None) -> Comment:
    if comment_id is None:
        raise Http404(_("This link is not valid any more."))
    comment = Comment.objects.select_related("post", "blog").filter(pk=comment_id).first()
    if comment is None:
        raise Http404(_("This link is not valid any more."))
    return comment
