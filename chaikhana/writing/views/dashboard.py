"""The dashboard's front page: my blogs, my recent posts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.models import Post
from chaikhana.writing import queries
from chaikhana.writing.views.common import status_filter


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    status = status_filter(request)
    return render(
        request,
        "writing/dashboard.html",
        {
            "memberships": queries.my_memberships(request.user),
            "posts": queries.my_recent_posts(request.user, status),
            "status": status,
            "statuses": Post.Status.choices,
        },
    )
