"""Mention: another site's page that links to one of our posts. OutgoingLink: what we sent."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Post


class MentionQuerySet(models.QuerySet["Mention"]):
    def for_post(self, post: Post) -> MentionQuerySet:
        return self.filter(post=post)

    def verified(self) -> MentionQuerySet:
        return self.filter(status=Mention.Status.VERIFIED).order_by("created_at", "id")


class Mention(models.Model):
    class Kind(models.TextChoices):
        PINGBACK = "pingback", _("Pingback")
        WEBMENTION = "webmention", _("Webmention")

    class Type(models.TextChoices):
        MENTION = "mention", _("Mention")
        REPLY = "reply", _("Reply")
        LIKE = "like", _("Like")
        REPOST = "repost", _("Repost")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    source = models.URLField(max_length=2000)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    type = models.CharField(max_length=8, choices=Type.choices, default=Type.MENTION)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    # All of it text from another site: stored as plain text, escaped when shown.
    author_name = models.CharField(max_length=200, blank=True)
    author_url = models.URLField(max_length=2000, blank=True)
    author_photo = models.URLField(max_length=2000, blank=True)  # kept, never shown (3rd party)
    title = models.CharField(max_length=200, blank=True)
    excerpt = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.UniqueConstraint(fields=["post", "source"], name="one_mention_per_source")
        ]
        indexes = [models.Index(fields=["post", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.source} → {self.post_id}"


class OutgoingLink(models.Model):
    """A link in one of our posts and what we told its page (Webmention §3.1.3 updates)."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        NO_ENDPOINT = "none", _("No endpoint")
        FAILED = "failed", _("Failed")
        REMOVED = "removed", _("Link removed, told once")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="outgoing_links")
    target_url = models.URLField(max_length=2000)
    endpoint = models.URLField(max_length=2000, blank=True)
    protocol = models.CharField(max_length=10, blank=True)  # "webmention" or "pingback"
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.SENT)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "target_url"], name="one_outgoing_per_target")
        ]

    def __str__(self) -> str:
        return f"{self.post_id} → {self.target_url}"
