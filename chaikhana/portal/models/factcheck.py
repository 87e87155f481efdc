"""The fact-check of a submission: its claims with verdicts, and the checklist."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.portal.models.submission import Source, Submission


class Claim(models.Model):
    class Verdict(models.TextChoices):
        UNVERIFIED = "unverified", _("Unverified")
        VERIFIED = "verified", _("Verified")
        FALSE = "false", _("False")
        OPINION = "opinion", _("Opinion")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="claims")
    # "Claim 2" in messages: stable numbers, not database ids.
    number = models.PositiveSmallIntegerField()
    text = models.TextField(_("claim"), max_length=2000)
    verdict = models.CharField(
        _("verdict"), max_length=12, choices=Verdict.choices, default=Verdict.UNVERIFIED
    )
    evidence = models.TextField(_("evidence"), blank=True, max_length=5000)
    sources = models.ManyToManyField(Source, blank=True, related_name="claims")
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="portal_claim_number")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Checklist(models.Model):
    """What must be true before a story is ready; each item remembers who ticked it, when."""

    ITEMS = ("sources_verified", "image_rights_cleared", "right_of_reply_given", "no_hate_speech")

    submission = models.OneToOneField(
        Submission, on_delete=models.CASCADE, related_name="checklist"
    )
    sources_verified = models.BooleanField(_("sources verified"), default=False)
    sources_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sources_verified_at = models.DateTimeField(null=True)
    image_rights_cleared = models.BooleanField(_("image rights cleared"), default=False)
    image_rights_cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    image_rights_cleared_at = models.DateTimeField(null=True)
    right_of_reply_given = models.BooleanField(_("right of reply given"), default=False)
    right_of_reply_given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    right_of_reply_given_at = models.DateTimeField(null=True)
    no_hate_speech = models.BooleanField(_("no hate speech"), default=False)
    no_hate_speech_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    no_hate_speech_at = models.DateTimeField(null=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"checklist #{self.submission_id}"
