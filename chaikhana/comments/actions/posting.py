"""A reader posts a comment, and edits or deletes it in the minutes after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post
from chaikhana.comments import conf
from chaikhana.comments.actions.announce import (
    announce_received,
    announce_removed,
    announce_visible,
)
from chaikhana.comments.actions.notifying import notify_new_comment
from chaikhana.comments.identity import is_writers_name, shown_name
from chaikhana.comments.models import Comment, CommentSettings
from chaikhana.comments.moderation import Submission, assess_comment, record_verdict
from chaikhana.comments.permissions import comments_closed_on
from chaikhana.core.errors import ActionError

CHANGEABLE = {Comment.Status.APPROVED, Comment.Status.PENDING}


@dataclass(kw_only=True)
class CommentInput:
    """What the comment form asks for; guests fill in the name (and email, website)."""

    body: str
    name: str = ""
    email: str = ""
    website: str = ""
    notify_replies: bool = False
    parent_id: int | None = None


def check_open(post: Post, policy: CommentSettings, by: User | None) -> None:
    """Raise ActionError with the reason when *by* may not comment on *post* now."""
    if not post.is_public:
        raise ActionError(_("Only published posts take comments."))
    if comments_closed_on(post, policy):
        raise ActionError(_("Comments on this post are closed."))
    if policy.mode == CommentSettings.Mode.SIGNED_IN and by is None:
        raise ActionError(_("Log in to comment on this blog."))


def check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ActionError(_("Write something first."), field="body")
    if len(body) > conf.max_chars():
        raise ActionError(
            _("A comment can be at most %(max)d characters long; yours has %(n)d.")
            % {"max": conf.max_chars(), "n": len(body)},
            field="body",
        )
    return body


def attach_point(post: Post, parent_id: int | None) -> Comment | None:
    """The approved comment replied to, raised to the deepest level a thread may reach."""
    if parent_id is None:
        return None
    parent = Comment.objects.approved().filter(post=post, pk=parent_id).first()
    if parent is None:
        raise ActionError(_("The comment you are replying to is no longer here."))
    # A reply below the cap attaches to the deepest ancestor allowed (WordPress's
    # thread_comments_depth): the conversation continues, the page stays readable.
    while parent.depth >= conf.max_depth() - 1 and parent.parent_id is not None:
        parent = Comment.objects.get(pk=parent.parent_id)
    return parent


def _new_comment(post: Post, by: User | None, data: CommentInput) -> Comment:
    parent = attach_point(post, data.parent_id)
    if by is None and not data.name.strip():
        raise ActionError(_("Tell us your name (any name you like)."), field="name")
    if by is None and is_writers_name(post.blog, data.name):
        raise ActionError(
            _("This is the name of one of this blog's writers. Choose another name."),
            field="name",
        )
    if data.notify_replies and not (data.email or (by and by.email)):
        raise ActionError(_("Give an email address to get replies by mail."), field="email")
    return Comment(
        blog=post.blog,
        post=post,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        author=by,
        name=shown_name(by, post) if by else data.name.strip()[:100],
        email="" if by else data.email.strip(),
        website="" if by else data.website.strip(),
        body_source=check_body(data.body),
        notify_replies=data.notify_replies,
    )


@transaction.atomic
def post_comment(
    *,
    post: Post,
    by: User | None,
    data: CommentInput,
    submission: Submission | None = None,
) -> Comment:
    """Store a reader's comment as the blog's policy and the spam engine decide.

    Approved comments are announced after commit; the post's author and the blog's
    owners are notified of every comment that is not spam.
    """
    check_open(post, CommentSettings.objects.of(post.blog), by)
    comment = _new_comment(post, by, data)
    comment.render()  # the policy counts links in the HTML readers would get
    verdict = assess_comment(
        comment=comment, policy=CommentSettings.objects.of(post.blog), submission=submission
    )
    comment.status, comment.spam_score = verdict.status, verdict.score
    comment.save()
    record_verdict(comment=comment, verdict=verdict)
    notify_new_comment(comment)
    announce_received(comment)
    if comment.status == Comment.Status.APPROVED:
        announce_visible(comment)
    return comment


def may_change_own(comment: Comment, by: User | None, own_ids: frozenset[int]) -> bool:
    """Her own comment (by account, or by the guest's cookie), within the edit window."""
    if comment.status not in CHANGEABLE:
        return False
    if timezone.now() > comment.created_at + timedelta(minutes=conf.edit_minutes()):
        return False
    if comment.author_id is not None:
        return by is not None and comment.author_id == by.pk
    return comment.pk in own_ids


def _require_own(comment: Comment, by: User | None, own_ids: frozenset[int]) -> None:
    if not may_change_own(comment, by, own_ids):
        raise PermissionDenied(
            _("You can change your own comment only in the first %(n)d minutes.")
            % {"n": conf.edit_minutes()}
        )


@transaction.atomic
def edit_own_comment(
    *, comment: Comment, by: User | None, own_ids: frozenset[int], body: str
) -> Comment:
    """Replace the text of her own recent comment; new links may send it back to the queue."""
    _require_own(comment, by, own_ids)
    comment.body_source = check_body(body)
    comment.edited_at = timezone.now()
    comment.save()
    policy = CommentSettings.objects.of(comment.blog)
    if comment.status == Comment.Status.APPROVED:
        verdict = assess_comment(comment=comment, policy=policy)
        if verdict.status != Comment.Status.APPROVED:
            comment.status = Comment.Status.PENDING
            comment.save(update_fields=["status"])
            announce_removed(comment)
        else:
            announce_visible(comment)
    return comment


@transaction.atomic
def delete_own_comment(*, comment: Comment, by: User | None, own_ids: frozenset[int]) -> Comment:
    """Move her own recent comment to the trash (replies to it stay with their thread)."""
    _require_own(comment, by, own_ids)
    was_visible = comment.status == Comment.Status.APPROVED
    comment.status = Comment.Status.TRASH
    comment.save(update_fields=["status"])
    if was_visible:
        announce_removed(comment)
    return comment
