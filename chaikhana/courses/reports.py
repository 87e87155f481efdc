"""Staff reports: registrations, attendance and fees per course and per month, and a bar chart.

Fees due are confirmed registrations × the course's fee, in the course's currency; amounts
are never added across currencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from chaikhana.courses.models import Registration

CONFIRMED = Registration.Status.CONFIRMED


@dataclass(frozen=True)
class Row:
    """One line of a report: a course or a month (with its currency)."""

    label: str
    currency: str
    registrations: int
    confirmed: int
    attended: int
    held: int  # confirmed seats in sessions that have started: the base of the rate
    fees_due: Decimal
    paid: Decimal

    @property
    def attendance_rate(self) -> int | None:
        """Per cent of seats in past sessions that were used; None before any session."""
        return round(100 * self.attended / self.held) if self.held else None


def _totals(now: datetime) -> dict[str, object]:
    held = Q(status=CONFIRMED, session__starts_at__lte=now)
    return {
        "registrations": Count("id", filter=~Q(status=Registration.Status.CANCELLED)),
        "confirmed": Count("id", filter=Q(status=CONFIRMED)),
        "attended": Count("id", filter=held & Q(attended=True)),
        "held": Count("id", filter=held),
        "paid": Sum("paid_amount"),
    }


def _row(label: str, values: dict[str, object], fee: Decimal | None, currency: str) -> Row:
    confirmed = int(values["confirmed"])  # type: ignore[call-overload]
    return Row(
        label=label,
        currency=currency,
        registrations=int(values["registrations"]),  # type: ignore[call-overload]
        confirmed=confirmed,
        attended=int(values["attended"]),  # type: ignore[call-overload]
        held=int(values["held"]),  # type: ignore[call-overload]
        fees_due=(fee or Decimal(0)) * confirmed,
        paid=values["paid"] or Decimal(0),  # type: ignore[arg-type]
    )


def _base() -> QuerySet[Registration]:
    return Registration.objects.order_by()


def by_course(now: datetime | None = None) -> list[Row]:
    """One row per course that has registrations: one query."""
    fields = (
        "session__course__title",
        "session__course__fee_amount",
        "session__course__fee_currency",
    )
    rows = _base().values(*fields).annotate(**_totals(now or timezone.now())).order_by(fields[0])
    return [_row(r[fields[0]], r, r[fields[1]], r[fields[2]]) for r in rows]


def by_month(now: datetime | None = None) -> list[Row]:
    """One row per month of the sessions (and currency): one query, months in order."""
    rows = (
        _base()
        .annotate(month=TruncMonth("session__starts_at", tzinfo=timezone.get_current_timezone()))
        .values("month", "session__course__fee_currency")
        .annotate(**_totals(now or timezone.now()))
        .annotate(due=Sum("session__course__fee_amount", filter=Q(status=CONFIRMED)))
        .order_by("month", "session__course__fee_currency")
    )
    return [_month_row(r) for r in rows]


def _month_row(values: dict[str, object]) -> Row:
    month = values["month"]
    label = month.strftime("%Y-%m") if isinstance(month, date) else str(month)
    row = _row(label, values, None, str(values["session__course__fee_currency"]))
    return Row(**{**row.__dict__, "fees_due": values["due"] or Decimal(0)})


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: int
    y: int
    height: int


CHART_HEIGHT, BAR_WIDTH, GAP = 120, 28, 12


def chart_bars(rows: list[Row]) -> list[Bar]:
    """Bars for registrations per month, scaled to the chart's height (an SVG drawn server-side)."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.label] = counts.get(row.label, 0) + row.registrations
    top = max(counts.values(), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(counts.items()):
        height = round(CHART_HEIGHT * value / top)
        bars.append(
            Bar(label, value, GAP + index * (BAR_WIDTH + GAP), CHART_HEIGHT - height, height)
        )
    return bars


def chart_width(bars: list[Bar]) -> int:
    return GAP + len(bars) * (BAR_WIDTH + GAP)
