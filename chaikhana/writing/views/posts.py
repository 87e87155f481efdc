"""A blog's posts as its member sees them, and deleting one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs import permissions
from chaikhana.blogs.access import access_blog_as_member, access_post, dashboard_posts
from chaikhana.blogs.actions import delete_post
from chaikhana.blogs.models import Post
from chaikhana.writing import queries
from chaikhana.writing.views.common import status_filter

POSTS_PER_PAGE = 25


@login_required
def posts(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    status = status_filter(request)
    visible = dashboard_posts(request.user, the_blog, membership)
    page = Paginator(queries.dashboard_post_list(visible, status), POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "writing/posts.html",
        {
            "blog": the_blog,
            "membership": membership,
            "page": page,
            "status": status,
            "statuses": Post.Status.choices,
            "can_add_pages": permissions.can_write(membership, Post.Kind.PAGE),
        },
    )


@login_required
def post_delete(request: AuthedRequest, blog: str, post_id: int) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    post = access_post(request.user, the_blog, post_id, for_edit=True)
    if request.method == "POST":
        delete_post(post=post, by=request.user)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": post.title})
        return redirect("writing:posts", blog=the_blog.name)
    return render(
        request,
        "writing/post_delete.html",
        {"blog": the_blog, "membership": membership, "post": post},
    )
