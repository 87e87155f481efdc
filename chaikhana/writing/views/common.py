"""Small pieces every dashboard view uses."""

from __future__ import annotations

from django.http import HttpRequest

from chaikhana.blogs.models import Post


def status_filter(request: HttpRequest) -> str | None:
    """The ?status= a list is filtered by, if it names a status."""
    status = request.GET.get("status", "")
    return status if status in Post.Status.values else None
