"""Filing a report, and the staff decisions on it: hide, dismiss, suspend the author.

Each decision settles every open report of the same object, records who decided, when and
why, and writes an audit row in the same transaction.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs import signals as blog_signals
from chaikhana.blogs.models import Post
from chaikhana.comments.actions.announce import announce_removed
from chaikhana.comments.models import Comment
from chaikhana.core.errors import ActionError, InvalidTransition
from chaikhana.network.access import access_staff
from chaikhana.network.actions import audit, suspend_user
from chaikhana.network.reports import ratelimit
from chaikhana.network.reports.models import Report, target_key


@transaction.atomic
def file_report(
    *,
    subject: Post | Comment,
    reason: str,
    note: str,
    reporter: User | AnonymousUser,
    address_hash: str,
) -> Report:
    """A reader flags *subject*; guests are known only by the day's address hash."""
    account = reporter if isinstance(reporter, User) and reporter.is_authenticated else None
    if not ratelimit.allow(reporter_id=account.pk if account else None, address_hash=address_hash):
        raise ActionError(_("You have sent many reports in a short time. Try again in an hour."))
    comment = subject if isinstance(subject, Comment) else None
    post = comment.post if comment is not None else subject
    assert isinstance(post, Post)
    return Report.objects.create(
        kind=Report.Kind.COMMENT if comment else Report.Kind.POST,
        post=post,
        comment=comment,
        reason=reason,
        note=note.strip(),
        reporter=account,
        address_hash="" if account else address_hash,
    )


def _settle(report: Report, *, by: User, status: str, note: str) -> int:
    """Close every open report of *report*'s object with this decision; return how many."""
    access_staff(by)
    group = Report.objects.select_for_update().open().of_target(report.target)
    if not group.exists():
        raise InvalidTransition(_("These reports were already decided."))
    return group.update(status=status, decided_by=by, decided_at=timezone.now(), decision_note=note)


def _hide(subject: Post | Comment) -> None:
    """Take *subject* off every public page, feed and search without deleting it."""
    if isinstance(subject, Comment):
        if subject.status != Comment.Status.TRASH:
            was_visible = subject.status == Comment.Status.APPROVED
            subject.status = Comment.Status.TRASH
            subject.save(update_fields=["status"])
            if was_visible:
                announce_removed(subject)
        return
    # A private post is gone from listings, feeds, sitemaps and search, and stays in its
    # owner's dashboard, where the moderation notice (network's report tags) says why.
    if subject.status != Post.Status.PRIVATE:
        subject.status = Post.Status.PRIVATE
        subject.save(update_fields=["status", "updated_at"])
        post_id = subject.pk
        transaction.on_commit(lambda: blog_signals.post_changed.send(Post, post_id=post_id))


@transaction.atomic
def hide_reported(*, report: Report, by: User, note: str = "") -> Report:
    """Hide the reported post or comment and close its reports."""
    count = _settle(report, by=by, status=Report.Status.HIDDEN, note=note)
    subject = report.subject
    _hide(subject)
    audit(
        actor=by,
        action=f"{report.kind}.hidden",
        target=subject,
        details=_details(report, count, note),
    )
    return report


@transaction.atomic
def dismiss_reports(*, report: Report, by: User, note: str = "") -> Report:
    """Decide that nothing is wrong: the object stays, its open reports close."""
    count = _settle(report, by=by, status=Report.Status.DISMISSED, note=note)
    audit(
        actor=by,
        action="report.dismissed",
        target=report.subject,
        details=_details(report, count, note),
    )
    return report


def author_of(report: Report) -> User | None:
    """The account behind the reported object: a comment's writer, a post's member."""
    if report.comment_id:
        return report.comment.author if report.comment else None
    member = report.post.author
    return member.user if member is not None else None


@transaction.atomic
def suspend_reported_author(*, report: Report, by: User, note: str = "") -> Report:
    """Suspend the author's account (the network's suspend action) and hide the object."""
    author = author_of(report)
    if author is None:
        raise ActionError(
            _("This was written by a guest or a deleted account: there is no one to suspend.")
        )
    if author.is_staff:
        raise ActionError(_("Staff accounts cannot be suspended from the reports queue."))
    count = _settle(report, by=by, status=Report.Status.SUSPENDED, note=note)
    _hide(report.subject)
    # The network's own action: it refuses self-suspension and audits "user.suspended".
    suspend_user(user=author, by=by, reason=note or _("Abuse reports"))
    details = _details(report, count, note) | {"author_id": author.pk}
    audit(
        actor=by, action=f"{report.kind}.author_suspended", target=report.subject, details=details
    )
    return report


def _details(report: Report, count: int, note: str) -> dict[str, object]:
    return {
        "reports": count,
        "reason": report.reason,
        "note": note,
        "target": target_key(report.post_id, report.comment_id),
    }
