"""A blogger's side: send a post, see her submissions; and one submission's page for all."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError
from chaikhana.portal import permissions
from chaikhana.portal.access import access_submission, visible_messages, visible_sources
from chaikhana.portal.actions.submissions import AlreadySubmitted, SourceInput, submit_post
from chaikhana.portal.actions.thread import post_message
from chaikhana.portal.actions.workflow import transition
from chaikhana.portal.forms import MessageForm, SubmitForm, TransitionForm
from chaikhana.portal.models import Submission
from chaikhana.portal.workflow import State, next_states
from chaikhana.writing.diff import line_diff


@login_required
@otp_required_for_staff
def submit(request: AuthedRequest) -> HttpResponse:
    posts = (
        Post.objects.filter(author__user=request.user, kind=Post.Kind.POST)
        .exclude(blog__name="portal")
        .select_related("blog")
    )
    initial = {"post": request.GET.get("post"), "callout": request.GET.get("callout")}
    form = SubmitForm(request.POST or None, posts=posts, initial=initial)
    existing = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sources = []
        if data["source_url"] or data["source_description"]:
            sources.append(
                SourceInput(
                    url=data["source_url"],
                    description=data["source_description"],
                    private=data["source_private"],
                )
            )
        try:
            submission = submit_post(
                post=data["post"],
                by=request.user,
                section=data["section"],
                note=data["note"],
                sources=sources,
                callout=data.get("callout"),
            )
        except AlreadySubmitted as refused:
            existing = refused.existing
            form.add_error("post", str(refused.message))
        except ActionError as refused:
            form.add_error(
                refused.field if refused.field in form.fields else None, str(refused.message)
            )
        else:
            return redirect(submission)
    status = 400 if form.errors else 200
    return render(
        request, "portal/submit.html", {"form": form, "existing": existing}, status=status
    )


@login_required
@otp_required_for_staff
def mine(request: AuthedRequest) -> HttpResponse:
    submissions = (
        Submission.objects.of_author(request.user)
        .select_related("section", "original", "story")
        .prefetch_related("transitions")
    )
    return render(request, "portal/mine.html", {"submissions": submissions})


def _context(request: AuthedRequest, submission: Submission, found: set, **extra: Any) -> dict:
    staff = permissions.is_staff_for(found)
    diff = None
    if submission.story and submission.original:
        diff = line_diff(submission.original.body_source, submission.story.body_source)
    return {
        # The desk's staff see it inside the desk's shell; its author, on the public pages.
        "layout": "portal/desk_layout.html" if staff else "base.html",
        "submission": submission,
        "staff": staff,
        "editor": permissions.is_editor(found),
        "moves": [State(s) for s in next_states(submission.state, found)],
        "timeline": submission.transitions.select_related("by"),
        "messages_": visible_messages(submission, found),
        "sources": visible_sources(submission, found),
        "claims": submission.claims.all() if staff else [],
        "diff": diff,
        "message_form": extra.pop("message_form", None) or MessageForm(),
        "move_form": extra.pop("move_form", None)
        or TransitionForm(initial={"state": submission.state}),
        **extra,
    }


@login_required
@otp_required_for_staff
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, found = access_submission(request.user, pk)
    return render(request, "portal/submission.html", _context(request, submission, found))


@login_required
@otp_required_for_staff
@require_POST
def move(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, found = access_submission(request.user, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        # Act on the state the person saw: a change under her is refused, not overridden.
        submission.state = form.cleaned_data["state"]
        try:
            transition(
                submission=submission,
                to=form.cleaned_data["to"],
                by=request.user,
                note=form.cleaned_data["note"],
                publish_at=form.cleaned_data["publish_at"],
            )
        except (ActionError, ValueError) as refused:
            form.add_error(None, getattr(refused, "message", str(refused)))
        else:
            return redirect(submission)
    submission, found = access_submission(request.user, pk)
    context = _context(request, submission, found, move_form=form)
    return render(request, "portal/submission.html", context, status=400)


@login_required
@otp_required_for_staff
@require_POST
def message(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, found = access_submission(request.user, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            post_message(
                submission=submission,
                by=request.user,
                body=form.cleaned_data["body"],
                internal=form.cleaned_data["internal"],
            )
        except ActionError as refused:
            form.add_error("body", str(refused.message))
        else:
            return redirect(submission)
    context = _context(request, submission, found, message_form=form)
    return render(request, "portal/submission.html", context, status=400)
