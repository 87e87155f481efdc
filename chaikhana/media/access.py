"""Fetch + permission for the media library, built on chaikhana.blogs.access.

A file of another blog answers 404 like one that does not exist; a file a member sees
but may not change answers 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_blog_as_member
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.media import permissions
from chaikhana.media.models import MediaFile


def access_library(user: User, name: str) -> tuple[Blog, Membership]:
    """The blog whose library *user* may see: any member's."""
    return access_blog_as_member(user, name)


def access_media(
    user: User, name: str, media_id: int, *, for_change: bool = False
) -> tuple[Blog, Membership, MediaFile]:
    blog, membership = access_library(user, name)
    media = MediaFile.objects.for_blog(blog).for_listing().filter(pk=media_id).first()
    if media is None:
        raise Http404(_("There is no such file in this library."))
    media.blog = blog  # reuse the checked blog
    if for_change and not permissions.can_change_media(membership, media):
        raise PermissionDenied(
            _("Only the blog's owners and editors, or whoever uploaded it, may change this file.")
        )
    return blog, membership, media


def access_shared_post(post_id: int) -> Post:
    """A post anyone may read, for its title card; 404 for drafts and hidden blogs."""
    post = (
        Post.objects.published()
        .filter(pk=post_id, blog__in=Blog.objects.readable_by(None))
        .select_related("blog")
        .first()
    )
    if post is None:
        raise Http404(_("There is no such post."))
    return post
