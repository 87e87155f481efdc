"""Keeping the mirrors fresh: one task per mirror, ids in; the hourly command enqueues none."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from chaikhana.mirrors import refresh
from chaikhana.mirrors.models import Mirror


@task()
def refresh_mirror(*, mirror_id: int) -> None:
    """Bring one mirror up to date (incremental); a removed mirror is left alone."""
    mirror = Mirror.objects.built_here().filter(pk=mirror_id).first()
    if mirror is not None:
        refresh.refresh(mirror, live=settings.SITE_URL)
