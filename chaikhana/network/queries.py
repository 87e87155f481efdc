"""Reads for the staff pages that span apps (dashboard counts, audit filters)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone

from chaikhana.network.models import AuditEntry, AuditQuerySet


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_audit(filters: dict[str, Any]) -> AuditQuerySet:
    """Audit entries matching the filter form's cleaned data, newest first."""
    qs = AuditEntry.objects.newest_first()
    if filters.get("actor"):
        qs = qs.filter(actor_name__iexact=filters["actor"].strip())
    if filters.get("action"):
        qs = qs.filter(action__startswith=filters["action"].strip())
    if target := (filters.get("target") or "").strip():
        kind, _sep, ident = target.partition(":")
        if ident:
            qs = qs.filter(target_type=kind, target_id=ident)
        else:
            qs = qs.filter(Q(target_label__icontains=target) | Q(target_type=target))
    if filters.get("since"):
        qs = qs.filter(created_at__gte=_day_start(filters["since"]))
    if filters.get("until"):
        qs = qs.filter(created_at__lt=_day_start(filters["until"] + timedelta(days=1)))
    return qs
