"""Mail about comments, sent by the worker after the transaction commits. Ids in; idempotent."""

from __future__ import annotations

from django_tasks import task

from chaikhana.comments import mail


@task()
def send_new_comment_mail(*, comment_id: int) -> None:
    """Mail the post's author and the blog's owners about a new comment (each once)."""
    mail.mail_new_comment(comment_id)


@task()
def send_reply_mail(*, comment_id: int) -> None:
    """Mail the writer of the comment replied to, if she asked for replies (once)."""
    mail.mail_reply(comment_id)
