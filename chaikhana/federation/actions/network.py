"""The network's rules for whole remote servers (block, limit), each audited."""

from __future__ import annotations

from django.db import transaction

from chaikhana.accounts.models import User
from chaikhana.federation.models import Follower, InstancePolicy
from chaikhana.network.access import access_staff
from chaikhana.network.actions import audit


@transaction.atomic
def set_instance_policy(*, host: str, mode: str, note: str, by: User) -> InstancePolicy:
    """Block or limit *host* and its subdomains; blocking also drops its followers."""
    access_staff(by)
    policy, _created = InstancePolicy.objects.update_or_create(
        host=host, defaults={"mode": mode, "note": note}
    )
    if mode == InstancePolicy.Mode.BLOCK:
        Follower.objects.filter(remote__host__in=[host]).delete()
        Follower.objects.filter(remote__host__endswith=f".{host}").delete()
    audit(
        actor=by,
        action=f"fediverse.server_{mode}ed",
        target=policy,
        details={"host": host, "note": note},
    )
    return policy


@transaction.atomic
def remove_instance_policy(*, policy: InstancePolicy, by: User) -> None:
    access_staff(by)
    audit(
        actor=by,
        action="fediverse.server_rule_removed",
        target=policy,
        details={"host": policy.host, "mode": policy.mode},
    )
    policy.delete()
