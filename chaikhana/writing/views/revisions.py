"""A post's revisions: who saved what when, what changed since, and going back to one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_as_member, access_post
from chaikhana.blogs.actions import restore_revision
from chaikhana.blogs.models import Revision
from chaikhana.writing import queries
from chaikhana.writing.access import access_revision
from chaikhana.writing.diff import has_changes, line_diff


def _author_name(revision: Revision, names: dict[int, str]) -> str:
    # A pen name on this blog, never a username: writers may be pseudonymous.
    return names.get(revision.user_id or 0) or _("someone")


@login_required
def revisions(request: AuthedRequest, blog: str, post_id: int) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    post = access_post(request.user, the_blog, post_id, for_edit=True)
    names = queries.pen_names(the_blog)
    rows = [(rev, _author_name(rev, names)) for rev in post.revisions.defer("body_source")]
    return render(
        request,
        "writing/revisions.html",
        {"blog": the_blog, "membership": membership, "post": post, "rows": rows},
    )


@login_required
def revision_diff(
    request: AuthedRequest, blog: str, post_id: int, revision_id: int
) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    revision = access_revision(request.user, the_blog, post_id, revision_id)
    post = revision.post
    lines = line_diff(revision.body_source, post.body_source)
    context = {
        "blog": the_blog,
        "membership": membership,
        "post": post,
        "revision": revision,
        "author_name": _author_name(revision, queries.pen_names(the_blog)),
        "lines": lines,
        "changed": has_changes(lines) or revision.title != post.title,
    }
    return render(request, "writing/revision_diff.html", context)


@login_required
@require_POST
def revision_restore(
    request: AuthedRequest, blog: str, post_id: int, revision_id: int
) -> HttpResponse:
    the_blog, _membership = access_blog_as_member(request.user, blog)
    revision = access_revision(request.user, the_blog, post_id, revision_id)
    restore_revision(revision=revision, by=request.user)
    messages.success(request, _("The revision is now the post’s text; the previous one is kept."))
    return redirect("writing:post_edit", blog=the_blog.name, post_id=post_id)
