"""WordPress dates: ``post_date_gmt`` when it is real, else ``post_date`` in the site's zone.

WXR carries no time zone. Drafts have ``post_date_gmt`` = ``0000-00-00 00:00:00``; for them
the site's offset is learned from the other items (``post_date - post_date_gmt``, the most
common difference), and without any, the network's TIME_ZONE is assumed.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from django.conf import settings


def parse_wp(value: str) -> datetime | None:
    """``2009-10-22 14:05:00`` → a naive datetime; WordPress's zero date → None."""
    value = value.strip()
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


class OffsetLearner:
    """Counts ``local - gmt`` over items to find the exporting site's UTC offset."""

    def __init__(self) -> None:
        self.seen: Counter[timedelta] = Counter()

    def add(self, local: str, gmt: str) -> None:
        naive_local, naive_gmt = parse_wp(local), parse_wp(gmt)
        if naive_local and naive_gmt:
            self.seen[naive_local - naive_gmt] += 1

    def offset(self) -> timedelta | None:
        return self.seen.most_common(1)[0][0] if self.seen else None


def to_aware(local: str, gmt: str, offset: timedelta | None, rfc822: str = "") -> datetime | None:
    """The moment an item or comment was made, as an aware UTC datetime (or None)."""
    if (naive_gmt := parse_wp(gmt)) is not None:
        return naive_gmt.replace(tzinfo=UTC)
    if (naive_local := parse_wp(local)) is not None:
        if offset is not None:
            return (naive_local - offset).replace(tzinfo=UTC)
        return naive_local.replace(tzinfo=ZoneInfo(settings.TIME_ZONE)).astimezone(UTC)
    if rfc822.strip():
        try:
            return parsedate_to_datetime(rfc822.strip()).astimezone(UTC)
        except (TypeError, ValueError, IndexError):
            return None
    return None
