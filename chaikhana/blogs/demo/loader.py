"""Loading a whole demo network: plan it, draw its pictures, then write it in one transaction."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from chaikhana.blogs.demo.bodies import BodyPool
from chaikhana.blogs.demo.images import generate_images
from chaikhana.blogs.demo.network import BlogPlan, NetworkPlan, plan_network
from chaikhana.blogs.demo.posts import PostWriter
from chaikhana.blogs.demo.tenants import create_blogs, create_users
from chaikhana.blogs.models import Blog, Post

IMAGE_COUNT = 12
BLOG_CHUNK = 500  # blogs written together: few queries, and ids only are kept afterwards
# Above this many posts, revisions would double the size of the load for nothing a demo shows.
REVISIONS_UP_TO = 20_000
REPORT_EVERY = 5.0  # seconds


@dataclass(frozen=True)
class LoadResult:
    users: int
    blogs: int
    posts: int
    distinct_bodies: int
    seconds: float


class _Progress:
    def __init__(self, report: Callable[[str], None]) -> None:
        self.report, self.started, self._last = report, time.monotonic(), 0.0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def __call__(self, message: str, *, force: bool = False) -> None:
        if force or self.elapsed - self._last >= REPORT_EVERY:
            self._last = self.elapsed
            self.report(f"{message} ({self.elapsed:.1f} s)")


def network_is_empty() -> bool:
    return not Blog.objects.exists()


def _chunks(blogs: list[BlogPlan]) -> Iterator[list[BlogPlan]]:
    for start in range(0, len(blogs), BLOG_CHUNK):
        yield blogs[start : start + BLOG_CHUNK]


def _image_urls(plan: NetworkPlan, seed: int) -> list[str]:
    if not any(b.theme == Blog.Theme.PHOTO for b in plan.blogs):
        return []
    names = generate_images(Path(settings.MEDIA_ROOT) / "demo", count=IMAGE_COUNT, seed=seed)
    return [f"{settings.MEDIA_URL}demo/{name}" for name in names]


def _backdate_posts() -> None:
    """bulk_create stamps every row with now (auto_now_add); a network has a history."""
    Post.objects.filter(published_at__lte=timezone.now()).update(
        created_at=F("published_at"), updated_at=F("published_at")
    )


def _refresh_planner_statistics() -> None:
    """ANALYZE after a bulk load: PostgreSQL's autovacuum catches up only later, and until then
    its planner, believing the tables empty, scans a million posts for one post's tags
    (measured: a post page took 310 ms instead of 14 ms on the 1,000,000-post network)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def load_demo(*, blogs: int, posts: int, seed: int, report: Callable[[str], None]) -> LoadResult:
    """Fill an empty database with *blogs* blogs and *posts* posts; same seed, same network."""
    progress = _Progress(report)
    rng = random.Random(seed)
    plan = plan_network(rng, blogs=blogs, posts=posts)
    pool = BodyPool(seed=seed, image_urls=_image_urls(plan, seed), size_hint=posts)
    writer = PostWriter(rng=rng, pool=pool, now=timezone.now(), revisions=posts <= REVISIONS_UP_TO)
    with transaction.atomic():
        user_ids = create_users(plan.users)
        progress(f"users: {len(user_ids)}", force=True)
        done = 0
        for chunk in _chunks(plan.blogs):
            for blog_plan, context in zip(chunk, create_blogs(rng, chunk, user_ids), strict=True):
                writer.add_blog(context, blog_plan.posts, demo=blog_plan.name == "demo")
                done += 1
                progress(f"blogs: {done}/{blogs}, posts: {writer.written}/{posts}")
        writer.flush()
        progress(f"blogs: {done}/{blogs}, posts: {writer.written}/{posts}", force=True)
        _backdate_posts()
    _refresh_planner_statistics()
    return LoadResult(len(user_ids), done, writer.written, len(pool), progress.elapsed)
