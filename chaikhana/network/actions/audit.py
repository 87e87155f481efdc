"""The one way to write to the audit log (other apps' staff actions call it too)."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from chaikhana.accounts.models import User
from chaikhana.network.models import AuditEntry


def _target_fields(target: models.Model | None) -> dict[str, str]:
    if target is None:
        return {"target_type": "", "target_id": "", "target_label": ""}
    return {
        "target_type": target._meta.label_lower,
        "target_id": str(target.pk or ""),
        "target_label": str(target)[:200],
    }


@transaction.atomic
def audit(
    *,
    actor: User | None,
    action: str,
    target: models.Model | None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that *actor* did *action* to *target*, inside the caller's transaction.

    Called inside the action it records, so the entry and the change commit or roll
    back together. *action* is a short dotted code ("user.suspended"); *details* must
    be JSON-serialisable.
    """
    is_person = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        actor=actor if is_person else None,
        actor_name=actor.get_username() if is_person and actor is not None else "",
        action=action,
        details=details or {},
        **_target_fields(target),
    )
