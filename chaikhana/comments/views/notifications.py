"""The signed-in person's comment notifications: list them, mark them read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.comments.actions import mark_notifications_read


@login_required
@require_POST
def mark_read(request: AuthedRequest) -> HttpResponse:
    """Mark one (``notification=<id>``) or all notifications read, then back to the dashboard."""
    one = request.POST.get("notification", "")
    mark_notifications_read(user=request.user, ids=[int(one)] if one.isdigit() else None)
    return redirect("writing:dashboard")
