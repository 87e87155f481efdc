"""Front-page curation by the editor-in-chief: one lead story, ordered featured stories,
and a log of every change (who set what, when)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Post


class FrontPlace(models.TextChoices):
    LEAD = "lead", _("Lead")
    FEATURED = "featured", _("Featured")


class FrontPageItem(models.Model):
    """A story's place on the front page; a story not here is only "newest in its section"."""

    Place = FrontPlace

    story = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="front_page_item")
    place = models.CharField(_("place"), max_length=10, choices=FrontPlace.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("front-page story")
        verbose_name_plural = _("front-page stories")
        ordering = ["position", "-updated_at"]
        constraints = [
            # Two editors setting a lead at once: the database keeps exactly one.
            models.UniqueConstraint(
                fields=["place"], condition=models.Q(place="lead"), name="portal_one_lead"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_place_display()}: {self.story_id}"


class CurationLog(models.Model):
    """One curation step (an audit row; never edited)."""

    story = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=20)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.story_id}"
