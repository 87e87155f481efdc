"""What a reader does on a blog: post a comment, edit or delete her own, unsubscribe."""

from __future__ import annotations

from csp.decorators import csp_replace
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post
from chaikhana.blogs.views.common import render_blog_page
from chaikhana.comments.access import (
    access_comment,
    access_comment_by_token,
    access_post_for_comments,
)
from chaikhana.comments.actions import (
    CommentInput,
    delete_own_comment,
    edit_own_comment,
    post_comment,
    unsubscribe_replies,
)
from chaikhana.comments.actions.posting import may_change_own
from chaikhana.comments.forms import CommentEditForm, CommentForm
from chaikhana.comments.identity import comment_id_from_token, own_comment_ids, remember_comment
from chaikhana.comments.models import Comment
from chaikhana.comments.moderation import Submission
from chaikhana.comments.origin import sent_from_our_page
from chaikhana.core.csp import POST_PAGE
from chaikhana.core.errors import ActionError


def _submission(request: HttpRequest) -> Submission:
    return Submission(request=request, form_data=request.POST)


def _input(form: CommentForm) -> CommentInput:
    data = form.cleaned_data
    return CommentInput(
        body=data["body"],
        name=data.get("name", ""),
        email=data.get("email", ""),
        website=data.get("website", ""),
        notify_replies=data["notify_replies"],
        parent_id=data.get("parent"),
    )


def _post_page(request: HttpRequest, post: Post, form: CommentForm, status: int) -> HttpResponse:
    """The post again, with the form bound: the message next to the field, the text kept."""
    response = render_blog_page(
        request, "blogs/post_detail.html", post.blog, {"post": post, "comment_form": form}
    )
    response.status_code = status
    return response


# Guests post from pages the anonymous page cache may have stored with another reader's CSRF
# token, so for them the browser's own word on where the POST comes from (comments/origin.py)
# and the spam engine's signed form token stand in for it (comment forms have no CSRF token in
# WordPress either). Signed-in people never get cached pages: their comment carries their
# name, so CSRF protects them as everywhere else.
@csrf_exempt
@require_POST
@csp_replace(POST_PAGE)  # type: ignore[arg-type]  # a form error shows the post page: no script
def comment_create(request: HttpRequest, slug: str, blog: str | None = None) -> HttpResponse:
    if request.user.is_authenticated:
        return csrf_protect(_create)(request, slug, blog)
    if not sent_from_our_page(request, blog_name=blog or getattr(request, "blog_name", None)):
        # Nothing is stored and no cookie is set: the page only says what happened.
        return render(request, "comments/refused_origin.html", status=403)
    return _create(request, slug, blog)


def _create(request: HttpRequest, slug: str, blog: str | None) -> HttpResponse:
    _blog, _membership, post = access_post_for_comments(request, blog, slug)
    user: User | None = request.user if request.user.is_authenticated else None
    form = CommentForm(request.POST, signed_in=user is not None, now=timezone.now())
    if not form.is_valid():
        return _post_page(request, post, form, 400)
    try:
        data, submission = _input(form), _submission(request)
        comment = post_comment(post=post, by=user, data=data, submission=submission)
    except ActionError as err:
        form.add_error(err.field if err.field in form.fields else None, str(err.message))
        return _post_page(request, post, form, 400 if err.field else 403)
    return _after_posting(request, comment)


def _after_posting(request: HttpRequest, comment: Comment) -> HttpResponse:
    if comment.status == Comment.Status.APPROVED:
        messages.success(request, _("Your comment is published."))
    elif comment.status == Comment.Status.PENDING:
        messages.info(request, _("Thank you! Your comment will appear once the blog approves it."))
    else:
        messages.info(request, _("Your comment is held for a check by the blog's moderators."))
    response = HttpResponseRedirect(comment.get_absolute_url())
    if comment.author_id is None:
        remember_comment(request, response, comment.pk)
    return response


def _own_comment(request: HttpRequest, blog: str | None, comment_id: int) -> Comment:
    comment = access_comment(request, blog, comment_id)
    user = request.user if request.user.is_authenticated else None
    if not may_change_own(comment, user, own_comment_ids(request)):
        raise PermissionDenied(_("You can change your own comment only for a few minutes."))
    return comment


def comment_edit(request: HttpRequest, comment_id: int, blog: str | None = None) -> HttpResponse:
    comment = _own_comment(request, blog, comment_id)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body_source})
    if request.method == "POST" and form.is_valid():
        try:
            edit_own_comment(
                comment=comment,
                by=request.user if request.user.is_authenticated else None,
                own_ids=own_comment_ids(request),
                body=form.cleaned_data["body"],
            )
        except ActionError as err:
            form.add_error("body", str(err.message))
        else:
            messages.success(request, _("Your comment is changed."))
            return HttpResponseRedirect(comment.get_absolute_url())
    return _own_page(request, "comments/edit.html", comment, form)


def comment_delete(request: HttpRequest, comment_id: int, blog: str | None = None) -> HttpResponse:
    comment = _own_comment(request, blog, comment_id)
    if request.method == "POST":
        delete_own_comment(
            comment=comment,
            by=request.user if request.user.is_authenticated else None,
            own_ids=own_comment_ids(request),
        )
        messages.success(request, _("Your comment is deleted."))
        return HttpResponseRedirect(comment.post.get_absolute_url() + "#comments")
    return _own_page(request, "comments/delete.html", comment, None)


def _own_page(
    request: HttpRequest, template: str, comment: Comment, form: CommentEditForm | None
) -> HttpResponse:
    context = {"comment": comment, "post": comment.post, "form": form}
    return render_blog_page(request, template, comment.blog, context)


# RFC 8058 one-click unsubscribe: the mail client POSTs without a CSRF token. The signed
# token is the authority, and all the POST can do is stop mail.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str, blog: str | None = None) -> HttpResponse:
    comment = access_comment_by_token(comment_id_from_token(token))
    done = request.method == "POST"
    if done:
        unsubscribe_replies(comment=comment)
    return render(request, "comments/unsubscribe.html", {"comment": comment, "done": done})
