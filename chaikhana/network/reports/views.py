"""Report pages: the public form under each post and comment, and the staff queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from chaikhana.accounts.models import User
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.core.ratelimit import request_address_hash
from chaikhana.network.access import staff_view
from chaikhana.network.reports import actions
from chaikhana.network.reports.access import access_report, access_reportable
from chaikhana.network.reports.forms import DecisionForm, QueueFilterForm, ReportForm
from chaikhana.network.reports.models import Report

PER_PAGE = 50
DECISIONS = {
    "hide": (actions.hide_reported, gettext_lazy("Hidden.")),
    "dismiss": (actions.dismiss_reports, gettext_lazy("Dismissed.")),
    "suspend": (actions.suspend_reported_author, gettext_lazy("The author is suspended.")),
}


@never_cache  # the form carries a CSRF token; the post page it comes from does not
def report(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    subject = access_reportable(kind, object_id)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            actions.file_report(
                subject=subject,
                reporter=request.user,
                address_hash=request_address_hash(request),
                **form.cleaned_data,
            )
        except ActionError as err:
            form.add_error(None, str(err.message))
        else:
            return render(request, "network/reports/thanks.html", {"subject": subject})
    context = {"form": form, "subject": subject, "kind": kind}
    return render(
        request, "network/reports/report.html", context, status=400 if form.errors else 200
    )


@otp_required_for_staff  # staff must have given a second factor (accounts/twofactor)
@staff_view
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    filters = {k: v for k, v in (form.cleaned_data if form.is_valid() else {}).items() if v}
    if not request.GET.get("status") and "status" not in request.GET:
        filters.setdefault("status", Report.Status.OPEN)  # the queue opens on what waits
    rows = Report.objects.filter(**filters).grouped()
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "section": "reports"}
    return render(request, "network/reports/queue.html", context)


@otp_required_for_staff
@staff_view
@require_POST
def decide(request: HttpRequest, report_id: int, decision: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    report = access_report(user, report_id)
    form = DecisionForm(request.POST)
    if decision not in DECISIONS or not form.is_valid():
        messages.error(request, _("This decision is not one the queue knows."))
        return redirect("reports:queue")
    action, done = DECISIONS[decision]
    try:
        action(report=report, by=user, note=form.cleaned_data["note"])
    except ActionError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, str(done))
    return redirect("reports:queue")
