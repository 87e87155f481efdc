"""Most read and most linked stories of the week, from the figures tables (fixed queries)."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q, Sum
from django.utils import timezone

from chaikhana.blogs.models import Post, PostQuerySet
from chaikhana.portal.models import StoryLink

WEEK = timedelta(days=7)
TOP = 5


def _live_stories() -> PostQuerySet:
    return Post.objects.published().filter(blog__name="portal")


def most_read(limit: int = TOP) -> list[Post]:
    """The stories served most often in the last seven days (one query)."""
    since = timezone.localdate() - WEEK
    return list(
        _live_stories()
        .annotate(reads=Sum("portal_reads__count", filter=Q(portal_reads__day__gt=since)))
        .filter(reads__gt=0)
        .order_by("-reads", "-published_at")[:limit]
    )


def most_linked(limit: int = TOP) -> list[Post]:
    """Stories most linked this week: verified pingbacks/webmentions plus network posts."""
    since = timezone.now() - WEEK
    mentions = dict(
        _live_stories()
        .filter(mentions__status="verified", mentions__created_at__gte=since)
        .values_list("pk")
        .annotate(n=Count("mentions"))
        .values_list("pk", "n")
    )
    for story_id, n in (
        StoryLink.objects.filter(source__published_at__gte=since)
        .values_list("story_id")
        .annotate(n=Count("id"))
        .values_list("story_id", "n")
    ):
        mentions[story_id] = mentions.get(story_id, 0) + n
    top = sorted(mentions, key=lambda pk: -mentions[pk])[:limit]
    stories = _live_stories().in_bulk(top)
    ranked = [stories[pk] for pk in top if pk in stories]
    for story in ranked:
        story.links = mentions[story.pk]  # type: ignore[attr-defined]
    return ranked
