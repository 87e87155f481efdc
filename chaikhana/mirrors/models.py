"""The network's mirrors: addresses readers can use when the main one is blocked."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MirrorQuerySet(models.QuerySet["Mirror"]):
    def listed(self) -> MirrorQuerySet:
        """What /mirrors/ shows: every address that has a complete copy or is kept by hand."""
        return self.filter(models.Q(target="") | models.Q(built_at__isnull=False))

    def built_here(self) -> MirrorQuerySet:
        """The ones this installation writes (a directory or a bucket), oldest build first."""
        return self.exclude(target="").order_by(models.F("built_at").asc(nulls_first=True))


class Mirror(models.Model):
    url = models.URLField(_("address readers open"), max_length=300, unique=True)
    label = models.CharField(_("label"), max_length=100, blank=True)
    target = models.CharField(
        _("where the network writes it"),
        max_length=300,
        blank=True,
        help_text=_(
            "A directory on this server or s3://bucket/prefix; empty for a copy someone "
            "keeps with rsync."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)
    files = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    objects = MirrorQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.label or self.url
