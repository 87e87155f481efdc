"""Notification: "someone commented on your post", shown in the dashboard until read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog
from chaikhana.comments.models.comment import Comment

if TYPE_CHECKING:
    from chaikhana.accounts.models import User


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread_for(self, user: User) -> NotificationQuerySet:
        return (
            self.filter(user=user, read_at__isnull=True)
            .select_related("comment__post__blog", "blog")
            .order_by("-created_at", "-id")
        )


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_notifications"
    )
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the mail went out: a retried task does not mail twice.
    mailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["user", "comment"], name="one_notification_per_comment")
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} ← {self.comment_id}"
