"""A small inline SVG line chart (no script, no library): the owner's subscribers per day."""

from __future__ import annotations

from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT, PAD = 600, 160, 24


def line_chart(series: list[tuple[date, int]]) -> SafeString:
    if not series:
        return SafeString("")
    top = max(max(n for _d, n in series), 1)
    step = (WIDTH - 2 * PAD) / max(len(series) - 1, 1)

    def point(i: int, n: int) -> str:
        return f"{PAD + i * step:.1f},{HEIGHT - PAD - (HEIGHT - 2 * PAD) * n / top:.1f}"

    points = " ".join(point(i, n) for i, (_d, n) in enumerate(series))
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="11">{}</text>',
        [
            (PAD, HEIGHT - 6, series[0][0].isoformat()),
            (WIDTH - PAD - 64, HEIGHT - 6, series[-1][0].isoformat()),
            (2, PAD - 8, str(top)),
        ],
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="chart-title" '
        'class="chart"><title id="chart-title">{}</title>'
        '<polyline fill="none" stroke="currentColor" stroke-width="2" points="{}"/>{}</svg>',
        WIDTH,
        HEIGHT,
        f"{series[0][0]} – {series[-1][0]}: {series[-1][1]}",
        points,
        labels,
    )
