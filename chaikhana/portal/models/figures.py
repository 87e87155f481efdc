"""Reading figures without tracking: views per story per day, links to stories from the network."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from chaikhana.blogs.models import Post


class StoryView(models.Model):
    """How often a story was served on one day: a count, never who (no cookie, no address)."""

    day = models.DateField()
    story = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="portal_reads")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "story"], name="portal_one_view_row_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.story_id}: {self.count}"


class StoryLink(models.Model):
    """A post of a listed blog whose text links to a story (found by a task, not per request)."""

    story = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "source"], name="portal_one_link_per_post")
        ]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.story_id}"
