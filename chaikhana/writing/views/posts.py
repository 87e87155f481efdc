"""A blog's posts as its member sees them: filters, search, status tabs; deleting one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs import permissions
from chaikhana.blogs.access import access_blog_as_member, access_post, dashboard_posts
from chaikhana.blogs.actions import delete_post
from chaikhana.blogs.models import Post
from chaikhana.writing import queries
from chaikhana.writing.forms.lists import BulkPostsForm, PostFilterForm

POSTS_PER_PAGE = 25


def _query(params: QueryDict, **changes: str) -> str:
    """The list's query string with *changes* (an empty value drops the key), never a page."""
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query.pop(key, None)
        if value:
            query[key] = value
    return query.urlencode()


def _tabs(params: QueryDict, counts: dict[str, int], current: str) -> list[dict[str, Any]]:
    tabs: list[dict[str, Any]] = [{"label": _("All"), "n": sum(counts.values()), "value": ""}]
    tabs += [
        {"label": label, "n": counts[value], "value": value}
        for value, label in Post.Status.choices
        if counts.get(value)
    ]
    for tab in tabs:
        tab["query"] = _query(params, status=tab["value"])
        tab["current"] = tab["value"] == current
    return tabs


@login_required
def posts(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    visible = dashboard_posts(request.user, the_blog, membership)
    sees_everyone = membership.role in permissions.EDITS_ALL_POSTS
    form = PostFilterForm(request.GET, blog=the_blog, sees_everyone=sees_everyone)
    filters = form.filters()
    page = Paginator(queries.dashboard_post_list(visible, filters), POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    counts = queries.status_counts(visible)
    return render(
        request,
        "writing/posts.html",
        {
            "blog": the_blog,
            "membership": membership,
            "form": form,
            "filtered": bool(filters),
            "page": page,
            "tabs": _tabs(request.GET, counts, filters.get("status", "")),
            "query": _query(request.GET),
            "has_posts": bool(counts),
            "bulk_actions": BulkPostsForm.ACTIONS,
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
