"""Versions of one story in other languages (ru, ky, en), linked through a shared group."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Post


class StoryTranslation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        READY = "ready", _("Ready")
        PUBLISHED = "published", _("Published")

    # The group's id is the first story's id: no separate table for a set of 2-3 rows.
    group = models.PositiveIntegerField(db_index=True)
    story = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="translation")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )

    class Meta:
        verbose_name = _("story translation")
        verbose_name_plural = _("story translations")
        constraints = [
            models.UniqueConstraint(fields=["group", "language"], name="portal_one_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.group}/{self.language}"
