"""Report pages: the public form under each post and comment, and the staff queue."""

from __future__ import annotations

from typing import Protocol

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.core.errors import ActionError
from chaikhana.core.ratelimit import request_address_hash
from chaikhana.network.access import staff_view
from chaikhana.network.reports import actions
from chaikhana.network.reports.access import (
    access_report,
    access_reportable_comment,
    access_reportable_post,
)
from chaikhana.network.reports.forms import DecisionForm, QueueFilterForm, ReportForm
from chaikhana.network.reports.models import Report

PER_PAGE = 50


class Decision(Protocol):
    def __call__(self, *, report: Report, by: User, note: str = "") -> Report: ...


def _reader(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@never_cache  # the form carries a CSRF token; the post page it comes from does not
def report_post(request: HttpRequest, blog: str, slug: str) -> HttpResponse:
    post = access_reportable_post(_reader(request), blog, slug)
    return _report(request, post, Report.Kind.POST)


@never_cache
def report_comment(request: HttpRequest, blog: str, slug: str, comment_id: int) -> HttpResponse:
    comment = access_reportable_comment(_reader(request), blog, slug, comment_id)
    return _report(request, comment, Report.Kind.COMMENT)


def _report(request: HttpRequest, subject: Post | Comment, kind: str) -> HttpResponse:
    """The report form for *subject*, which the reader may see; filed on a valid POST."""
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


@staff_view  # staff must have given a second factor too (accounts/twofactor)
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


def _decide(request: HttpRequest, report_id: int, action: Decision, done: str) -> HttpResponse:
    """Check the staff member and the note, call *action*, back to the queue with its answer."""
    user = request.user
    assert isinstance(user, User)
    report = access_report(user, report_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["note"]))
        return redirect("reports:queue")
    try:
        action(report=report, by=user, note=form.cleaned_data["note"])
    except ActionError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, done)
    return redirect("reports:queue")


@staff_view
@require_POST
def hide(request: HttpRequest, report_id: int) -> HttpResponse:
    return _decide(request, report_id, actions.hide_reported, _("Hidden."))


@staff_view
@require_POST
def dismiss(request: HttpRequest, report_id: int) -> HttpResponse:
    return _decide(request, report_id, actions.dismiss_reports, _("Dismissed."))


@staff_view
@require_POST
def suspend_author(request: HttpRequest, report_id: int) -> HttpResponse:
    return _decide(
        request, report_id, actions.suspend_reported_author, _("The author is suspended.")
    )
