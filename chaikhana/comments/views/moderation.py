"""The dashboard's comment pages: the moderation queue, replying from it, the blog's policy."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.comments.access import access_blog_for_moderation, access_moderated_comment
from chaikhana.comments.actions import (
    moderate_comments,
    reply_as_moderator,
    update_comment_settings,
)
from chaikhana.comments.forms import (
    STATUS_FILTERS,
    CommentSettingsForm,
    ModerationForm,
    ReplyForm,
)
from chaikhana.comments.models import Comment, CommentSettings
from chaikhana.core.errors import ActionError

PER_PAGE = 50


@login_required
def queue(request: AuthedRequest, blog: str) -> HttpResponse:
    """/dashboard/@blog/comments/?status=…: one status at a time, waiting ones first."""
    the_blog, membership = access_blog_for_moderation(request.user, blog)
    status = request.GET.get("status", "")
    status = status if status in Comment.Status.values else Comment.Status.PENDING
    rows = Comment.objects.for_blog(the_blog).filter(status=status).for_queue()
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    form = ModerationForm(request.POST or None, ids=[c.pk for c in page.object_list])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changed = moderate_comments(
            blog=the_blog, by=request.user, ids=data["comment"], decision=data["decision"]
        )
        messages.success(request, _("Comments changed: %(n)d.") % {"n": changed})
        return redirect(f"{request.path}?status={status}")
    context = {"blog": the_blog, "membership": membership, "page": page, "form": form,
               "status": status, "statuses": STATUS_FILTERS}  # fmt: skip
    return render(request, "comments/queue.html", context)


@login_required
def reply(request: AuthedRequest, blog: str, comment_id: int) -> HttpResponse:
    the_blog, membership = access_blog_for_moderation(request.user, blog)
    comment = access_moderated_comment(the_blog, comment_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reply_as_moderator(comment=comment, by=request.user, body=form.cleaned_data["body"])
        except ActionError as err:
            form.add_error("body", str(err.message))
        else:
            messages.success(request, _("Your reply is published."))
            return redirect("comments:queue", blog=the_blog.name)
    context = {"blog": the_blog, "membership": membership, "comment": comment, "form": form}
    return render(request, "comments/reply.html", context)


@login_required
def comment_settings(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_for_manage(request.user, blog)
    form = CommentSettingsForm(request.POST or None, instance=CommentSettings.objects.of(the_blog))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in CommentSettingsForm.Meta.fields}
        update_comment_settings(blog=the_blog, by=request.user, **data)
        messages.success(request, _("Comment settings saved."))
        return redirect("comments:settings", blog=the_blog.name)
    context = {"blog": the_blog, "membership": membership, "form": form}
    return render(request, "comments/settings.html", context)
