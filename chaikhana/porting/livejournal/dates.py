"""LiveJournal dates → aware UTC datetimes.

An entry's ``eventtime`` is the writer's wall clock with no zone; ``logtime`` is the server's
clock (UTC) at posting. When the two are less than 14 hours apart the entry was posted live,
and their difference, rounded to a quarter hour, is the writer's UTC offset. A backdated
entry (further apart) is read in the network's TIME_ZONE. Comment dates are UTC, written
either ``2023-01-15 15:45:00`` or ``2023-01-15T15:45:00Z``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

LIVE = timedelta(hours=14)
QUARTER = 15 * 60


def parse(value: str) -> datetime | None:
    """A naive datetime from either spelling; None when empty or unreadable."""
    value = value.strip().replace("T", " ").removesuffix("Z")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(value[:19], fmt)
        except ValueError:
            continue
    return None


def entry_time(eventtime: str, logtime: str) -> tuple[datetime | None, timedelta | None]:
    """When an entry was written (UTC) and the writer's offset, if it can be known."""
    local, logged = parse(eventtime), parse(logtime)
    if local is None:
        return (logged.replace(tzinfo=UTC) if logged else None), None
    if logged is not None and abs(local - logged) < LIVE:
        seconds = round((local - logged).total_seconds() / QUARTER) * QUARTER
        offset = timedelta(seconds=seconds)
        return (local - offset).replace(tzinfo=UTC), offset
    return local.replace(tzinfo=ZoneInfo(settings.TIME_ZONE)).astimezone(UTC), None


def comment_time(value: str) -> datetime | None:
    naive = parse(value)
    return naive.replace(tzinfo=UTC) if naive is not None else None
