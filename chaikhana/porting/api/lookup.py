"""Finding a member's blog and post by the ids API clients send (our primary keys).

The portal's blog is never written through an API: its stories change only at the editors'
desk. It is listed nowhere here, and naming it (or one of its stories) is refused with
blogs' EditorialBlogRefused, whose message points to the desk — even for the editors the
desk made members of it.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_post, membership_of
from chaikhana.blogs.actions.posts import EditorialBlogRefused
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.linkbacks.xmlrpc import endpoint_blog


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


# WordPress ignores a call's blog id on a single site; clients send 0 or 1 for "this blog".
DEFAULT_BLOG_IDS = (0, 1)


def requested_blog(request: HttpRequest, user: User, blog_id: int) -> tuple[Blog, Membership]:
    """The blog a call names. At /@<blog>/xmlrpc.php, 0 or 1 mean that blog; at the network's
    endpoint (unless her blog has that id) the one blog she writes for, if she has only one."""
    if (name := endpoint_blog(request)) is not None:
        # A blog's own address reaches that blog alone, whatever id a call names (an app
        # password limited to this blog must not reach her others through it).
        blog = Blog.objects.filter(name=name, is_active=True).first()
        if blog is None or blog_id not in (*DEFAULT_BLOG_IDS, blog.pk):
            raise Http404(_("Invalid blog ID."))
        return blog_of_member(user, blog.pk)
    if blog_id not in DEFAULT_BLOG_IDS:
        return blog_of_member(user, blog_id)
    if any(blog.pk == blog_id for blog, _m in memberships(user)):
        return blog_of_member(user, blog_id)  # her blog has that id (the portal is refused)
    mine = member_blogs(user)
    if len(mine) > 1:
        raise Http404(
            _("You write for several blogs: send the blogid that wp.getUsersBlogs gives, or use "
              "your blog's own address, /@<blog>/xmlrpc.php.")
        )  # fmt: skip
    if not mine:
        raise Http404(_("Invalid blog ID."))
    return mine[0]


def post_of_member(user: User, post_id: int, *, for_edit: bool = False) -> Post:
    """Post *post_id* of any blog she writes for, through blogs' access_post."""
    blog = Blog.objects.filter(is_active=True, posts__pk=post_id, memberships__user=user).first()
    if blog is None:
        raise Http404(_("Invalid post ID."))
    refuse_editorial(blog)
    return access_post(user, blog, post_id, for_edit=for_edit)


def endpoint_post(
    request: HttpRequest, user: User, post_id: int, *, for_edit: bool = False
) -> Post:
    """post_of_member, kept to the blog whose own address was called (as requested_blog)."""
    post = post_of_member(user, post_id, for_edit=for_edit)
    name = endpoint_blog(request)
    if name is not None and post.blog.name != name:
        raise Http404(_("Invalid post ID."))
    return post
