"""Sending one signed activity to one inbox, and what the answer means for retrying."""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone

from chaikhana.core import safehttp
from chaikhana.federation import conf, keys, signatures
from chaikhana.federation.actors import AP_CONTENT_TYPE
from chaikhana.federation.models import Delivery, Instance


class Outcome:
    DELIVERED = "delivered"
    RETRY = "retry"
    REFUSED = "refused"  # the server answered and will not take it: trying again is useless


def post_signed(*, inbox: str, body: bytes, actor: str, key_id: str) -> int:
    """POST *body* to *inbox* signed with *actor*'s key; the status (FetchError on no answer)."""
    parts = urlsplit(inbox)
    key = keys.key_for(actor)
    headers = signatures.sign(
        private_pem=key.private_pem,
        key_id=key_id,
        method="POST",
        url_host=parts.netloc,
        path=(parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
        body=body,
    )
    headers["Content-Type"] = AP_CONTENT_TYPE
    response = safehttp.fetch(
        inbox, method="POST", data=body, headers=headers, max_bytes=64 * 1024, max_redirects=0
    )
    return response.status


def classify(status: int) -> str:
    if 200 <= status < 300:
        return Outcome.DELIVERED
    if status in (408, 429) or status >= 500:
        return Outcome.RETRY
    return Outcome.REFUSED


def send(delivery: Delivery) -> str:
    """Try *delivery* once and record what happened on it and on its server."""
    activity = delivery.activity
    actor = delivery.signer or keys.blog_actor(delivery.blog_id)
    try:
        status = post_signed(
            inbox=delivery.inbox,
            body=json.dumps(activity).encode(),
            actor=actor,
            key_id=f"{activity['actor']}#main-key",
        )
        outcome, error = classify(status), f"HTTP {status}"
    except safehttp.UnsafeURL as refused:
        outcome, error = Outcome.REFUSED, str(refused)[:300]
    except safehttp.FetchError as failure:
        outcome, error = Outcome.RETRY, str(failure)[:300]
    delivery.attempts += 1
    delivery.last_error = "" if outcome == Outcome.DELIVERED else error
    if outcome == Outcome.DELIVERED:
        delivery.status = Delivery.Status.DELIVERED
    elif outcome == Outcome.REFUSED or delivery.attempts >= conf.delivery_attempts():
        delivery.status = Delivery.Status.FAILED
    delivery.save(update_fields=["attempts", "last_error", "status", "updated_at"])
    _record_health(delivery.host, outcome)
    return outcome


def _record_health(host: str, outcome: str) -> None:
    now = timezone.now()
    if outcome == Outcome.DELIVERED:
        Instance.objects.update_or_create(
            host=host, defaults={"failing_since": None, "last_success_at": now}
        )
    elif outcome == Outcome.RETRY:
        instance, _ = Instance.objects.get_or_create(host=host, defaults={"failing_since": now})
        if instance.failing_since is None:
            Instance.objects.filter(pk=instance.pk).update(failing_since=now)


def dead_hosts() -> set[str]:
    """Servers that have failed every delivery for conf.dead_after_days(): skipped."""
    since = timezone.now() - timedelta(days=conf.dead_after_days())
    return set(Instance.objects.filter(failing_since__lt=since).values_list("host", flat=True))


def retry_wait(attempt: int) -> timedelta:
    """Exponential back-off: 1 min, 4 min, 16 min, ~1 h, ~4 h, ~17 h, ~3 days."""
    return timedelta(seconds=conf.retry_base_seconds() * 4 ** (attempt - 1))
