"""Fetch + permission in one call. Views never query tenant data directly.

Something a person may not know exists answers 404; something she can see but may
not change answers 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import permissions
from chaikhana.blogs.models import Blog, Category, Membership, Post, SlugRedirect, Tag
from chaikhana.core.errors import RefusedWithWayOut
from chaikhana.core.urls import absolute_url


class EditorialBlogRefused(RefusedWithWayOut):
    """The portal's stories are written at the desk, not in the blog dashboard or an API."""

    def __init__(self) -> None:
        desk = absolute_url(reverse("portal:desk"))  # API clients show the message alone
        super().__init__(
            _("The portal's stories are edited and published at the editors' desk: %(url)s")
            % {"url": desk},
            url=desk,
            label=_("Open the editors' desk"),
        )


def membership_of(user: User | None, blog: Blog) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    return Membership.objects.filter(blog=blog, user=user).first()


def access_blog(user: User | None, name: str) -> tuple[Blog, Membership | None]:
    """A blog whose public pages *user* may read, and her membership of it.

    A blog the network's staff suspended answers 403 with a page that says so.
    """
    blog = Blog.objects.filter(name=name).first()
    if blog is None:
        raise Http404(_("There is no blog at this address."))
    membership = membership_of(user, blog)
    if blog.visibility == Blog.Visibility.PRIVATE and membership is None:
        raise Http404(_("There is no blog at this address."))
    if not blog.is_active:
        raise PermissionDenied(_("This blog is suspended."))
    return blog, membership


def access_blog_as_member(user: User, name: str) -> tuple[Blog, Membership]:
    """A blog *user* writes for; strangers get 404 for private blogs, 403 otherwise.

    Nobody writes for an editorial blog (the portal) here: its stories go through the desk.
    """
    blog, membership = access_blog(user, name)
    if blog.is_editorial:
        raise EditorialBlogRefused()
    if membership is None:
        raise PermissionDenied(_("You are not a member of this blog."))
    return blog, membership


def access_blog_for_manage(user: User, name: str) -> tuple[Blog, Membership]:
    blog, membership = access_blog_as_member(user, name)
    if not permissions.can_manage_blog(membership):
        raise PermissionDenied(_("Only the blog's owner may change its settings."))
    return blog, membership


def access_public_post(
    user: User | None, blog: Blog, membership: Membership | None, slug: str
) -> Post:
    """A post or page at *slug* that the reader may open; raises Http404 otherwise.

    An old slug raises :class:`MovedPost` so the view can answer 301.
    """
    readable = Post.objects.for_blog(blog).readable_by(user, membership)
    post = readable.select_related("blog", "author").filter(slug=slug).first()
    if post is not None:
        return post
    moved = SlugRedirect.objects.filter(blog=blog, old_slug=slug).select_related("post").first()
    if moved is not None and readable.filter(pk=moved.post_id).exists():
        raise MovedPost(moved.post)
    raise Http404(_("There is no post at this address."))


class MovedPost(Exception):
    def __init__(self, post: Post) -> None:
        super().__init__(post.slug)
        self.post = post


def access_post(user: User, blog: Blog, post_id: int, *, for_edit: bool = False) -> Post:
    """A post of *blog* in the dashboard: visible to members, editable per role."""
    membership = membership_of(user, blog)
    if membership is None:
        raise Http404(_("There is no post here."))
    post = Post.objects.for_blog(blog).select_related("blog", "author").filter(pk=post_id).first()
    if post is None:
        raise Http404(_("There is no post here."))
    may_edit = permissions.can_edit_post(membership, post)
    # A colleague's draft is not hers to know about (404); a published post she sees
    # but may not change (403).
    if not may_edit and post.status != Post.Status.PUBLISHED:
        raise Http404(_("There is no post here."))
    if for_edit and not may_edit:
        raise PermissionDenied(_("You may not edit this post."))
    return post


def dashboard_posts(user: User, blog: Blog, membership: Membership) -> Q:
    """The posts a member sees in her dashboard: all for owners/editors, else her own."""
    if membership.role in permissions.EDITS_ALL_POSTS:
        return Q(blog=blog)
    return Q(blog=blog, author=membership)


def access_category(blog: Blog, slug: str) -> Category:
    """A category of *blog* for its public archive; 404 when there is none."""
    category = Category.objects.for_blog(blog).filter(slug=slug).first()
    if category is None:
        raise Http404(_("There is no category at this address."))
    return category


def access_tag(blog: Blog, slug: str) -> Tag:
    tag = Tag.objects.for_blog(blog).filter(slug=slug).first()
    if tag is None:
        raise Http404(_("There is no tag at this address."))
    return tag


def access_author(blog: Blog, slug: str) -> Membership:
    """A member of *blog* by her author slug: readers learn her pen name, nothing more.

    An editorial blog (the portal) has no author pages: its stories are signed by name and
    its desk has no members to list (older desk memberships named editors' accounts).
    """
    author = None if blog.is_editorial else Membership.objects.filter(blog=blog, slug=slug).first()
    if author is None:
        raise Http404(_("There is no author at this address."))
    return author
