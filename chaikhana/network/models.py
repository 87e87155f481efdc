"""The network's own rows: the append-only audit log and the suspensions staff decide."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def newest_first(self) -> AuditQuerySet:
        return self.order_by("-created_at", "-id")


class AuditEntry(models.Model):
    """One thing a person did that the network must be able to account for later.

    Names and labels are snapshots: the log still reads true after the actor or the
    target is renamed or deleted. Rows are never changed or removed by the application.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(_("actor"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.CharField(_("target type"), max_length=64, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_label = models.CharField(_("target"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target")]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.action} {self.target_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Append-only: an entry that could be edited would prove nothing.
        if not self._state.adding:
            raise PermissionError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit entries cannot be deleted")


class PendingDeletionQuerySet(models.QuerySet["PendingDeletion"]):
    def due(self) -> PendingDeletionQuerySet:
        return self.filter(due_at__lte=timezone.now())


class PendingDeletion(models.Model):
    """A user or blog marked for deletion: hidden now, purged once the grace period ends."""

    class Kind(models.TextChoices):
        USER = "user", _("user")
        BLOG = "blog", _("blog")

    kind = models.CharField(max_length=4, choices=Kind.choices)
    object_id = models.BigIntegerField()
    label = models.CharField(max_length=200)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_at = models.DateTimeField(_("deleted on"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PendingDeletionQuerySet.as_manager()

    class Meta:
        verbose_name = _("pending deletion")
        verbose_name_plural = _("pending deletions")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_deletion_per_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.label}"


class Suspension(models.Model):
    """Why a person is suspended, and which of her blogs were hidden with her."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    # Restoring her shows these again, and not a blog staff suspended on its own.
    blog_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.reason}"


from chaikhana.network.reports.models import Report  # noqa: E402, F401  (abuse reports)
