"""Bulk actions on a blog's posts: a loop over the one action per post, within one request.

Each post goes through the same action the editor calls (publish_post, unpublish_post,
delete_post), each in its own transaction: one post that may not be moved does not hold back
the others, and every post that failed is named with the reason. Deleting asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_blog_as_member, dashboard_posts
from chaikhana.blogs.actions import delete_post, publish_post, unpublish_post
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError
from chaikhana.writing import queries
from chaikhana.writing.forms.lists import BulkPostsForm


def _publish(post: Post, by: User) -> None:
    publish_post(post=post, by=by)


def _draft(post: Post, by: User) -> None:
    unpublish_post(post=post, by=by)


def _delete(post: Post, by: User) -> None:
    delete_post(post=post, by=by)


ACTIONS: dict[str, Callable[[Post, User], None]] = {
    "publish": _publish,
    "draft": _draft,
    "delete": _delete,
}


def _done(action: str, n: int) -> str:
    if action == "publish":
        return ngettext("%(n)d post published.", "%(n)d posts published.", n) % {"n": n}
    if action == "draft":
        return ngettext("%(n)d post moved to drafts.", "%(n)d posts moved to drafts.", n) % {"n": n}
    return ngettext("%(n)d post deleted.", "%(n)d posts deleted.", n) % {"n": n}


def _back(blog: str, query: str) -> HttpResponseRedirect:
    # Only a query string comes back from the form, re-encoded: never another address.
    clean = QueryDict(query).urlencode()
    return HttpResponseRedirect(
        reverse("writing:posts", args=[blog]) + (f"?{clean}" if clean else "")
    )


def _run(request: AuthedRequest, action: str, chosen: list[Post], asked: int) -> None:
    done = 0
    for post in chosen:
        try:
            ACTIONS[action](post, request.user)
            done += 1
        except (ActionError, PermissionDenied) as error:
            reason = getattr(error, "message", None) or str(error)
            messages.error(
                request, _("“%(title)s”: %(reason)s") % {"title": post.title, "reason": reason}
            )
    if done:
        messages.success(request, _done(action, done))
    if gone := asked - len(chosen):
        messages.warning(
            request,
            ngettext(
                "%(n)d selected post is no longer in this list.",
                "%(n)d selected posts are no longer in this list.",
                gone,
            )
            % {"n": gone},
        )


@login_required
@require_POST
def posts_bulk(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    query = request.POST.get("query", "")
    form = BulkPostsForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _back(the_blog.name, query)
    action, ids = form.cleaned_data["action"], form.cleaned_data["post"]
    chosen = queries.chosen_posts(dashboard_posts(request.user, the_blog, membership), ids)
    if action == "delete" and request.POST.get("confirmed") != "1":
        return render(
            request,
            "writing/posts_bulk_delete.html",
            {"blog": the_blog, "membership": membership, "posts": chosen, "query": query},
        )
    _run(request, action, chosen, len(set(ids)))
    return _back(the_blog.name, query)
