"""The spam defence's tables: the filter's token counts, the blocklists and its decisions."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    APPROVE = "approve", _("approve")
    HOLD = "hold", _("hold for a moderator")
    SPAM = "spam", _("spam")


class SpamToken(models.Model):
    """How often a token occurred in spam and in ham that moderators confirmed, network-wide."""

    token = models.CharField(max_length=64, unique=True)
    spam_count = models.PositiveBigIntegerField(default=0)
    ham_count = models.PositiveBigIntegerField(default=0)

    objects: models.Manager[SpamToken] = models.Manager()

    def __str__(self) -> str:
        return f"{self.token} ({self.spam_count}/{self.ham_count})"


class SpamCorpusStats(models.Model):
    """One row (pk 1): the totals of everything the filter has learnt."""

    spam_docs = models.PositiveBigIntegerField(default=0)
    ham_docs = models.PositiveBigIntegerField(default=0)
    spam_tokens = models.PositiveBigIntegerField(default=0)
    ham_tokens = models.PositiveBigIntegerField(default=0)
    # When `manage.py seed_spam_filter` taught it the labelled set (once only: a second run
    # would count every example twice).
    seeded_at = models.DateTimeField(null=True, blank=True)

    objects: models.Manager[SpamCorpusStats] = models.Manager()

    class Meta:
        verbose_name_plural = "spam corpus stats"

    def __str__(self) -> str:
        return f"{self.spam_docs} spam, {self.ham_docs} ham"


class BlockedTermQuerySet(models.QuerySet["BlockedTerm"]):
    def words(self) -> BlockedTermQuerySet:
        return self.filter(kind=BlockedTerm.Kind.WORD)

    def domains(self) -> BlockedTermQuerySet:
        return self.filter(kind=BlockedTerm.Kind.DOMAIN)


class BlockedTerm(models.Model):
    """A word, phrase or link domain blocked across the whole network."""

    class Kind(models.TextChoices):
        WORD = "word", _("word or phrase")
        DOMAIN = "domain", _("link domain")

    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockedTermQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="spam_blockedterm_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


class SpamDecision(models.Model):
    """One decision about one comment, mention or sign-up: the engine's, or a moderator's.

    The statistics compare the two: auto spam a moderator approved is a false positive.
    """

    class Kind(models.TextChoices):
        AUTO = "auto", _("automatic")
        MODERATOR = "moderator", _("moderator")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    verdict = models.CharField(max_length=8, choices=Verdict.choices)
    score = models.FloatField(null=True, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(db_index=True)

    objects: models.Manager[SpamDecision] = models.Manager()

    class Meta:
        indexes = [
            models.Index(fields=["content_type", "object_id", "kind", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.verdict} {self.object_id}"
