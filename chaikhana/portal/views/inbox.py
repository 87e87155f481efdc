"""Her in-app notifications from the portal: newest first, unread marked, mark read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.portal.actions.notify import mark_read
from chaikhana.portal.models import Notification

PER_PAGE = 50


@login_required
@otp_required_for_staff
def inbox(request: AuthedRequest) -> HttpResponse:
    notes = Notification.objects.filter(user=request.user).select_related("submission")
    page = Paginator(notes, PER_PAGE).get_page(request.GET.get("page"))
    unread = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
    return render(request, "portal/inbox.html", {"page": page, "unread": unread})


@login_required
@otp_required_for_staff
@require_POST
def read(request: AuthedRequest) -> HttpResponse:
    """One notification (``id``) or all of hers; someone else's ids simply match nothing."""
    raw = request.POST.get("id", "")
    mark_read(user=request.user, ids=[int(raw)] if raw.isdigit() else None)
    return redirect("portal:inbox")
