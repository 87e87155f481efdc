"""Report: one reader's flag on a post or a comment, and the staff decision on it.

Reports of the same object share a ``target`` key ("post:12", "comment:34"), so the queue
shows them as one row with a count and a decision settles them all together.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment


class ReportQuerySet(models.QuerySet["Report"]):
    def of_target(self, target: str) -> ReportQuerySet:
        return self.filter(target=target)

    def open(self) -> ReportQuerySet:
        return self.filter(status=Report.Status.OPEN)

    def grouped(self) -> ReportQuerySet:
        """One row per reported object (its latest report), with ``reports_count``.

        Three queries whatever the number of rows: the rows (count sub-select included),
        then the post/blog/comment joins done by select_related.
        """
        latest = self.values("target").annotate(last=Max("id")).values("last")
        same = self.filter(target=OuterRef("target")).values("target")
        count = same.annotate(n=Count("id")).values("n")
        return (
            Report.objects.filter(pk__in=Subquery(latest))
            .annotate(reports_count=Coalesce(Subquery(count), 0))
            .select_related("post__blog", "post__author__user", "comment__author", "decided_by")
            .order_by("-created_at", "-id")
        )


class Report(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("Post")
        COMMENT = "comment", _("Comment")

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        HARASSMENT = "harassment", _("Harassment")
        HATE = "hate", _("Hate speech")
        PERSONAL_DATA = "personal_data", _("Personal data / doxxing")
        COPYRIGHT = "copyright", _("Copyright")
        ILLEGAL = "illegal", _("Illegal content")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HIDDEN = "hidden", _("Hidden")
        DISMISSED = "dismissed", _("Dismissed")
        SUSPENDED = "suspended", _("Author suspended")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    target = models.CharField(max_length=40, db_index=True, editable=False)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    # Signed-in reporters by account; guests only by the day's address hash (never the IP).
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    address_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")
        indexes = [models.Index(fields=["status", "-created_at"], name="report_queue")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="post", comment__isnull=True)
                | models.Q(kind="comment", comment__isnull=False),
                name="report_comment_matches_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.target}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.target = target_key(self.post_id, self.comment_id)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def subject(self) -> Post | Comment:
        return self.comment if self.comment_id else self.post  # type: ignore[return-value]


def target_key(post_id: int | None, comment_id: int | None) -> str:
    return f"comment:{comment_id}" if comment_id else f"post:{post_id}"
