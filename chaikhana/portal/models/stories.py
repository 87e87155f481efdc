"""After publication: corrections shown under a story, and edits waiting for approval."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Post


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    UPDATE = "update", _("Update")
    CLARIFICATION = "clarification", _("Clarification")


class Correction(models.Model):
    """A public note at the foot of a story: published stories are never edited silently."""

    Kind = CorrectionKind

    story = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="portal_corrections")
    kind = models.CharField(_("kind"), max_length=16, choices=CorrectionKind.choices)
    note = models.TextField(_("note"), max_length=2000)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.note[:60]}"


class StoryRevisionProposal(models.Model):
    """An edit of a live story: the live text stays up until an editor approves this."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    story = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="portal_proposals")
    title = models.CharField(_("headline"), max_length=200)
    excerpt = models.TextField(_("summary"), blank=True, max_length=1000)
    body_source = models.TextField(_("text"), blank=True)
    body_format = models.CharField(max_length=10, choices=Post.Format.choices)
    # The story version this edit started from: approving over a newer one is refused.
    base_version = models.PositiveIntegerField()
    correction_kind = models.CharField(
        _("kind of change"), max_length=16, choices=CorrectionKind.choices
    )
    correction_note = models.TextField(_("note for readers"), max_length=2000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title
