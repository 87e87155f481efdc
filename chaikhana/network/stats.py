"""The dashboard's numbers: one aggregate query per figure, whatever the network's size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.models import Comment
from chaikhana.comments.spam.statistics import spam_statistics
from chaikhana.media.models import MediaFile

DAYS = 90


@dataclass(frozen=True)
class DayBar:
    day: date
    count: int
    x: int
    height: int

    @property
    def y(self) -> int:  # SVG's y grows downwards: bars stand on a baseline at 105
        return 105 - self.height


def per_day(counts: dict[date, int], *, end: date, days: int = DAYS) -> list[DayBar]:
    """One bar per day, oldest first, heights scaled to 100 for the SVG chart."""
    top = max(counts.values(), default=0) or 1
    first = end - timedelta(days=days - 1)
    return [
        DayBar(day=d, count=counts.get(d, 0), x=i * 4, height=round(counts.get(d, 0) * 100 / top))
        for i, d in enumerate(first + timedelta(days=n) for n in range(days))
    ]


def _daily(queryset: Any, field: str, since: datetime) -> dict[date, int]:
    rows = (
        queryset.filter(**{f"{field}__gte": since})
        .annotate(day=TruncDate(field))
        .values("day")
        .annotate(n=Count("pk"))
    )
    return {row["day"]: row["n"] for row in rows}


def open_reports() -> int | None:
    """Open abuse reports, when the reports app is there (None: it is not)."""
    try:
        report = apps.get_model("network", "Report")
    except LookupError:
        return None
    return int(report.objects.filter(status="open").count())


def queue_health() -> dict[str, Any] | None:
    """Waiting and failed tasks and the oldest wait, for the database backend only."""
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return None
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.aggregate(
        waiting=Count("pk", filter=Q(status=TaskResultStatus.READY)),
        failed=Count("pk", filter=Q(status=TaskResultStatus.FAILED)),
        oldest=Min("enqueued_at", filter=Q(status=TaskResultStatus.READY)),
    )


def dashboard() -> dict[str, Any]:
    now = timezone.now()
    today = timezone.localdate(now)
    first_day = today - timedelta(days=DAYS - 1)
    since = timezone.make_aware(datetime.combine(first_day, datetime.min.time()))
    published = Post.objects.filter(status=Post.Status.PUBLISHED)
    return {
        "users": User.objects.count(),
        "blogs": Blog.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "storage": MediaFile.objects.aggregate(total=Sum("size"))["total"] or 0,
        "signups": per_day(_daily(User.objects.all(), "date_joined", since), end=today),
        "posts_per_day": per_day(_daily(published, "published_at", since), end=today),
        "spam": spam_statistics(now - timedelta(days=30)),
        "reports": open_reports(),
        "queue": queue_health(),
    }
