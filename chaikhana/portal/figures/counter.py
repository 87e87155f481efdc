"""Counting served story pages in the cache, and moving the counts into ``StoryView``.

The page cache answers hits before any view runs, so counting in the story view would miss
most readers. ``StoryViewCounter`` sits just outside the page cache middleware and sees every
story page served. A hit costs one cache ``incr``; no database write happens per request.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from datetime import date, timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from chaikhana.blogs.models import Post
from chaikhana.portal.models import StoryView

logger = logging.getLogger(__name__)
# The portal's story URL (portal/urls.py "portal:story"); the resolver has not run on a hit.
STORY_PATH = re.compile(r"^/portal/stories/(?P<slug>[-a-zA-Z0-9_]+)/$")
# Counters live a little longer than a flush interval; two days covers a stopped worker.
COUNTER_TTL = 2 * 24 * 60 * 60
# How far back a flush looks for stories with counters (yesterday's late views).
FLUSH_DAYS = 2


def counter_key(day: date, slug: str) -> str:
    return f"portal:views:{day.isoformat()}:{slug}"


def count_view(slug: str) -> None:
    """One more reading of *slug* today (atomic in Redis and in local memory)."""
    key = counter_key(timezone.localdate(), slug)
    # add() then incr(): incr on a missing key raises, and add() never overwrites a count.
    cache.add(key, 0, COUNTER_TTL)
    # Evicted between add and incr: one view lost, never a wrong page.
    with contextlib.suppress(ValueError):
        cache.incr(key)


class StoryViewCounter:
    """Adds one to today's counter for each story page served with 200 to a GET."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # The mirror's crawler (chaikhana/mirrors) renders every story: not a reader.
        crawler = request.headers.get("User-Agent", "").startswith("chaikhana-mirror")
        if request.method == "GET" and response.status_code == 200 and not crawler:
            match = STORY_PATH.match(request.path_info)
            if match is not None:
                try:
                    count_view(match["slug"])
                except Exception:  # a cache outage must never break a page
                    logger.exception("could not count a story view")
        return response


def flush_counts(today: date | None = None) -> int:
    """Move the counters of recent portal stories into StoryView; returns views moved.

    The keys are known from the stories themselves (no key listing, which caches lack): one
    get_many per day over the slugs of stories published in the last weeks.
    """
    today = today or timezone.localdate()
    stories = dict(
        Post.objects.filter(blog__name="portal", status=Post.Status.PUBLISHED).values_list(
            "slug", "pk"
        )
    )
    moved = 0
    for back in range(FLUSH_DAYS):
        day = today - timedelta(days=back)
        keys = {counter_key(day, slug): slug for slug in stories}
        for key, count in cache.get_many(list(keys)).items():
            if not count:
                continue
            # decr by what we read: views counted meanwhile stay for the next flush.
            cache.decr(key, count)
            moved += count
            _add(day, stories[keys[key]], count)
    return moved


@transaction.atomic
def _add(day: date, story_id: int, count: int) -> None:
    row, created = StoryView.objects.get_or_create(
        day=day, story_id=story_id, defaults={"count": count}
    )
    if not created:
        StoryView.objects.filter(pk=row.pk).update(count=F("count") + count)
