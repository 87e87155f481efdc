"""What a refresh of a mirror did: written by the task alone."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from chaikhana.mirrors.models import Mirror


@transaction.atomic
def record_mirror_run(*, mirror_id: int, files: int = 0, error: str = "") -> None:
    """What the last refresh of a mirror did (the task's only write)."""
    fields: dict[str, object] = {"last_error": error[:500]}
    if not error:
        fields.update(built_at=timezone.now(), files=files)
    Mirror.objects.filter(pk=mirror_id).update(**fields)
