"""The two mails comments send: a new comment to the post's people, a reply to a subscriber.

Each is sent at most once (a timestamp marks it), in the recipient's language when she
chose one, else the blog's. Reply mail carries a one-click unsubscribe (RFC 8058).
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chaikhana.comments.identity import unsubscribe_token
from chaikhana.comments.models import Comment, Notification
from chaikhana.core.urls import absolute_url


def _load(comment_id: int) -> Comment | None:
    comment = Comment.objects.select_related("post", "blog", "parent__author").filter(pk=comment_id)
    return comment.first()


def mail_new_comment(comment_id: int) -> None:
    comment = _load(comment_id)
    if comment is None or comment.status in {Comment.Status.SPAM, Comment.Status.TRASH}:
        return
    waiting = Notification.objects.filter(comment=comment, mailed_at__isnull=True)
    for notice in waiting.select_related("user").exclude(user__email=""):
        with translation.override(notice.user.language or comment.blog.language):
            _send_new_comment(comment, notice.user.email)
        notice.mailed_at = timezone.now()
        notice.save(update_fields=["mailed_at"])


def _send_new_comment(comment: Comment, to: str) -> None:
    context = {
        "comment": comment,
        "post_url": absolute_url(comment.get_absolute_url()),
        "queue_url": absolute_url(reverse("comments:queue", kwargs={"blog": comment.blog.name})),
    }
    subject = _("New comment on “%(title)s”") % {"title": comment.post.title}
    body = render_to_string("comments/mail/new_comment.txt", context)
    EmailMessage(subject, body, to=[to]).send()


def _reply_address(parent: Comment) -> str:
    if parent.author is not None:
        return parent.author.email
    return parent.email


def mail_reply(comment_id: int) -> None:
    reply = _load(comment_id)
    if reply is None or reply.status != Comment.Status.APPROVED or reply.reply_mail_sent_at:
        return
    parent = reply.parent
    if parent is None or not parent.notify_replies or not (to := _reply_address(parent)):
        return
    if parent.author_id is not None and parent.author_id == reply.author_id:
        return  # she answered herself
    with translation.override(reply.blog.language):
        _send_reply(reply, parent, to)
    reply.reply_mail_sent_at = timezone.now()
    reply.save(update_fields=["reply_mail_sent_at"])


def _send_reply(reply: Comment, parent: Comment, to: str) -> None:
    token = unsubscribe_token(parent.pk)
    unsubscribe = absolute_url(reply.blog.url("blogs:comments:unsubscribe", token=token))
    context = {"reply": reply, "parent": parent, "unsubscribe_url": unsubscribe,
               "reply_url": absolute_url(reply.get_absolute_url())}  # fmt: skip
    subject = _("%(name)s replied to your comment on “%(title)s”") % {
        "name": reply.name,
        "title": reply.post.title,
    }
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    body = render_to_string("comments/mail/reply.txt", context)
    EmailMessage(subject, body, to=[to], headers=headers).send()
