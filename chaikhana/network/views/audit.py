"""The audit log, filterable by actor, action, target and dates."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chaikhana.network import queries
from chaikhana.network.access import staff_view
from chaikhana.network.forms import AuditFilterForm

PER_PAGE = 50


@staff_view
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(queries.filtered_audit(filters), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/audit.html",
        {"form": form, "page": page, "query": query.urlencode(), "section": "audit"},
    )
