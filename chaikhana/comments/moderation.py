"""Deciding what happens to a new comment: approve, hold for a moderator, or file as spam.

Every new or edited comment goes through :func:`assess_comment`. The blog's policy
(comments/models/policy.py) holds first-time commenters and link-heavy comments; the spam
engine (comments/spam/) scores the text and the submission.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.access import membership_of
from chaikhana.comments.markup import count_links
from chaikhana.comments.models import Comment, CommentSettings
from chaikhana.comments.spam.actions import record_assessment, record_moderation
from chaikhana.comments.spam.assessment import assess as spam_assess
from chaikhana.comments.spam.assessment import document


@dataclass(frozen=True)
class Submission:
    """The request a comment came with, for the spam engine (rate limits, form token).

    ``form_data`` is None where there was no form to check (an edit, a moderator's reply).
    """

    request: HttpRequest | None = None
    form_data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Verdict:
    status: str
    score: float = 0.0
    reasons: tuple[str, ...] = ()


def is_known_commenter(comment: Comment) -> bool:
    """Has this person had a comment approved on this blog before (or does she write here)?

    Signed in: by account, and every member of the blog counts as known. A guest: by the
    same email and name together (the email is never shown, so a stranger cannot borrow
    a regular's identity by typing her name); a guest without an email is never known.
    """
    earlier = Comment.objects.for_blog(comment.blog).approved().exclude(pk=comment.pk)
    if comment.author_id is not None:
        if membership_of(comment.author, comment.blog) is not None:
            return True
        return earlier.filter(author_id=comment.author_id).exists()
    if not comment.email:
        return False
    return earlier.filter(
        Q(email__iexact=comment.email), Q(name__iexact=comment.name), author__isnull=True
    ).exists()


def _policy_verdict(comment: Comment, policy: CommentSettings) -> Verdict:
    reasons: list[str] = []
    if count_links(comment.body_html) > policy.max_links:
        reasons.append(str(_("more links than the blog allows")))
    if policy.hold_first_comment and not is_known_commenter(comment):
        reasons.append(str(_("a first comment on this blog")))
    status = Comment.Status.PENDING if reasons else Comment.Status.APPROVED
    return Verdict(status=status, reasons=tuple(reasons))


def _spam_verdict(comment: Comment, submission: Submission) -> Verdict:
    """The spam engine's opinion (comments/spam): honeypot, token, rates, blocklists, Bayes."""
    result = spam_assess(
        text=comment.body_source,
        links=[comment.website] if comment.website else [],
        author_name=comment.name,
        email=comment.email,
        user=comment.author,
        request=submission.request,
        form_data=submission.form_data,
        now=timezone.now(),
    )
    status = _FROM_ENGINE.get(result.verdict, Comment.Status.PENDING)
    return Verdict(status=status, score=result.score, reasons=tuple(result.messages))


_FROM_ENGINE: dict[str, str] = {
    "approve": Comment.Status.APPROVED,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
}
_SEVERITY: dict[str, int] = {
    Comment.Status.APPROVED: 0,
    Comment.Status.PENDING: 1,
    Comment.Status.SPAM: 2,
}


def assess_comment(
    *, comment: Comment, policy: CommentSettings, submission: Submission | None = None
) -> Verdict:
    """The stricter of the blog's policy and the spam engine: approved, pending or spam."""
    verdict = _policy_verdict(comment, policy)
    spam = _spam_verdict(comment, submission or Submission())
    stricter = max(verdict, spam, key=lambda v: _SEVERITY[v.status])
    return Verdict(stricter.status, spam.score, verdict.reasons + spam.reasons)


def record_verdict(*, comment: Comment, verdict: Verdict) -> None:
    """Keep the engine's record of what it decided (its statistics)."""
    engine_verdict = {v: k for k, v in _FROM_ENGINE.items()}[verdict.status]
    record_assessment(obj=comment, verdict=engine_verdict, score=verdict.score)


def train_spam_engine(*, comment: Comment, is_spam: bool) -> None:
    """Tell the spam engine a moderator's decision; it learns (and unlearns a reversal)."""
    links = [comment.website] if comment.website else []
    record_moderation(
        obj=comment, text=document(comment.body_source, links, comment.name), is_spam=is_spam
    )
