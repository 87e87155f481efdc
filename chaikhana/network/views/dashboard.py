"""The network's front page for staff: counts, charts, spam, reports, the task queue."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chaikhana.network import stats
from chaikhana.network.access import staff_view


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request, "network/dashboard.html", {"stats": stats.dashboard(), "section": "dashboard"}
    )
