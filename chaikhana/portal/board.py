"""The desk as a board: a column of cards per workflow state, and the day's story budget.

Reads only. Each column is one query (its cards, oldest first, each marked late in the same
query); one grouped query counts every column and its late cards; the budget is two more.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from chaikhana.accounts.models import User
from chaikhana.portal.models import Section, Submission
from chaikhana.portal.models.submission import SubmissionQuerySet, late_q
from chaikhana.portal.workflow import State

# A column shows this many cards; its heading counts them all.
COLUMN_LIMIT = 40
S = State


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str | Promise
    states: tuple[State, ...]
    order: tuple[str, ...] = ("state_changed_at", "id")


# The desk's own work, left to right; then what waits on the authors, below the board.
COLUMNS = (
    ColumnSpec("submitted", S.SUBMITTED.label, (S.SUBMITTED,)),
    ColumnSpec("in_review", S.IN_REVIEW.label, (S.IN_REVIEW,)),
    ColumnSpec("fact_check", S.FACT_CHECK.label, (S.FACT_CHECK,)),
    ColumnSpec("ready", S.READY.label, (S.READY,)),
    ColumnSpec("scheduled", S.SCHEDULED.label, (S.SCHEDULED,), ("story__published_at", "id")),
    ColumnSpec("published", _("Published today"), (S.PUBLISHED,), ("-state_changed_at", "-id")),
)
WITH_AUTHORS = ColumnSpec("with_authors", _("With the authors"), (S.RETURNED, S.AWAITING_AUTHOR))


@dataclass
class Column:
    key: str
    label: str | Promise
    cards: list[Submission]
    count: int = 0
    late: int = 0

    @property
    def more(self) -> int:
        """Cards counted but not shown (past COLUMN_LIMIT)."""
        return self.count - len(self.cards)


@dataclass(frozen=True)
class BoardFilter:
    """What the editor narrowed the board to: a section, and whose cards."""

    section: int | None = None
    # "me", "none" (nobody assigned) or a desk member's id as text; "" for everyone.
    assignee: str = ""

    def q(self, user: User) -> Q:
        q = Q()
        if self.section is not None:
            q &= Q(section_id=self.section)
        if self.assignee == "none":
            q &= Q(assigned_editor__isnull=True, assigned_checker__isnull=True)
        elif self.assignee == "me" or self.assignee.isdigit():
            who = user.pk if self.assignee == "me" else int(self.assignee)
            q &= Q(assigned_editor_id=who) | Q(assigned_checker_id=who)
        return q


def start_of_day(now: datetime) -> datetime:
    """Midnight of *now*'s day where the newsroom is (settings.TIME_ZONE)."""
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def _on_board(now: datetime) -> Q:
    """Open submissions; of the published ones, only today's."""
    published_today = Q(state=S.PUBLISHED, state_changed_at__gte=start_of_day(now))
    return ~Q(state__in=[S.PUBLISHED, S.DECLINED]) | published_today


def _cards(spec: ColumnSpec, where: Q, now: datetime) -> list[Submission]:
    queryset: SubmissionQuerySet = Submission.objects.filter(where, state__in=spec.states)
    cards = queryset.for_desk().with_lateness(now).order_by(*spec.order)
    return list(cards[:COLUMN_LIMIT])


def board(user: User, chosen: BoardFilter, now: datetime) -> tuple[list[Column], Column]:
    """The board's columns and the "with the authors" column, filtered as *chosen*."""
    where = _on_board(now) & chosen.q(user)
    tallies = {
        row["state"]: row
        for row in Submission.objects.filter(where)
        .values("state")
        .annotate(n=Count("id"), late=Count("id", filter=late_q(now)))
        .order_by()
    }
    columns = []
    for spec in (*COLUMNS, WITH_AUTHORS):
        column = Column(spec.key, spec.label, _cards(spec, where, now))
        for state in spec.states:
            column.count += tallies.get(state.value, {}).get("n", 0)
            column.late += tallies.get(state.value, {}).get("late", 0)
        columns.append(column)
    return columns[:-1], columns[-1]


@dataclass
class BudgetLine:
    """One section's day: how many stories are in the works, ready, scheduled, out."""

    section: Section
    in_the_works: int = 0
    ready: int = 0
    scheduled: int = 0
    published: int = 0
    slate: list[Submission] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.in_the_works + self.ready + self.scheduled + self.published


def budget(sections: list[Section], now: datetime) -> list[BudgetLine]:
    """The story budget for today, section by section (two queries, whatever the day)."""
    today = start_of_day(now)
    tomorrow = today + timedelta(days=1)
    scheduled_today = Q(
        state=S.SCHEDULED, story__published_at__gte=today, story__published_at__lt=tomorrow
    )
    published_today = Q(state=S.PUBLISHED, state_changed_at__gte=today)
    rows = {
        row["section"]: row
        for row in Submission.objects.values("section")
        .annotate(
            in_the_works=Count("id", filter=Q(state__in=[S.IN_REVIEW, S.FACT_CHECK])),
            ready=Count("id", filter=Q(state=S.READY)),
            scheduled=Count("id", filter=scheduled_today),
            published=Count("id", filter=published_today),
        )
        .order_by()
    }
    lines = {s.pk: _line(s, rows.get(s.pk, {})) for s in sections}
    slate = (
        Submission.objects.filter(scheduled_today | published_today)
        .select_related("story", "original")
        .order_by("story__published_at", "id")
    )
    for submission in slate:
        if submission.section_id in lines:
            lines[submission.section_id].slate.append(submission)
    return list(lines.values())


def _line(section: Section, row: dict[str, int]) -> BudgetLine:
    return BudgetLine(
        section,
        in_the_works=row.get("in_the_works", 0),
        ready=row.get("ready", 0),
        scheduled=row.get("scheduled", 0),
        published=row.get("published", 0),
    )


def budget_totals(lines: list[BudgetLine]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for line in lines:
        for key in ("in_the_works", "ready", "scheduled", "published", "total"):
            totals[key] += getattr(line, key)
    return dict(totals)
