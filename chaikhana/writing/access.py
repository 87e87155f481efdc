"""Fetch + permission for the dashboard's own objects (revisions, members, categories).

Built on chaikhana.blogs.access: the blog is checked there, the row here, and a row of
another blog answers 404 like one that does not exist.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.access import access_blog_as_member, access_post
from chaikhana.blogs.models import Blog, Category, Membership, Post, Revision


def access_blog_for_terms(user: User, name: str) -> tuple[Blog, Membership]:
    blog, membership = access_blog_as_member(user, name)
    if not permissions.can_manage_terms(membership):
        raise PermissionDenied(_("Only the blog's owners and editors may change categories."))
    return blog, membership


def access_category(blog: Blog, category_id: int) -> Category:
    category = Category.objects.for_blog(blog).filter(pk=category_id).first()
    if category is None:
        raise Http404(_("There is no such category."))
    return category


def access_member(blog: Blog, membership_id: int) -> Membership:
    membership = blog.memberships.select_related("blog", "user").filter(pk=membership_id).first()
    if membership is None:
        raise Http404(_("This person is not a member of the blog."))
    return membership


def access_revision(user: User, blog: Blog, post_id: int, revision_id: int) -> Revision:
    """A revision of a post *user* may edit (revisions show text not yet public)."""
    post: Post = access_post(user, blog, post_id, for_edit=True)
    revision = post.revisions.select_related("user").filter(pk=revision_id).first()
    if revision is None:
        raise Http404(_("There is no such revision."))
    revision.post = post  # reuse the checked post and its blog
    return revision
