"""Every webhook write: subscribe, unsubscribe, queue an event, send a test, deliver.

Targets are checked by core.safehttp when saved (a private or loopback address is refused
with the reason) and again at every send (DNS may change). Deliveries go through the task
queue after commit; a failure is retried with exponential back-off, then recorded.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core import safehttp
from chaikhana.core.errors import ActionError
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.network.actions import audit
from chaikhana.webhooks import conf, events, signing
from chaikhana.webhooks.models import Delivery, Endpoint


def check_target(url: str) -> None:
    """Refuse what safehttp would refuse, with a reason the owner can act on."""
    try:
        safehttp.check_url(url)
    except safehttp.UnsafeURL as error:
        raise ActionError(
            _(
                "We cannot send to %(url)s: only public http(s) addresses on ports 80 and 443 "
                "are allowed, never private or local networks (%(reason)s)."
            )
            % {"url": url, "reason": str(error)},
            field="url",
        ) from error


@transaction.atomic
def create_endpoint(
    *, blog: Blog | None, by: User, url: str, chosen: list[str], description: str = ""
) -> Endpoint:
    """Subscribe *url* to *chosen* events of *blog* (None: the network, for staff).

    The caller's access helper has checked that *by* owns the blog or is staff."""
    allowed = events.BLOG_EVENTS if blog is not None else events.NETWORK_EVENTS
    picked = [name for name in allowed if name in chosen]
    if not picked:
        raise ActionError(_("Choose at least one event."), field="events")
    if Endpoint.objects.for_blog(blog).count() >= conf.MAX_ENDPOINTS:
        raise ActionError(_("There are too many webhooks here; delete one first."))
    check_target(url)
    endpoint = Endpoint.objects.create(
        blog=blog,
        url=url,
        description=description.strip()[:100],
        events=" ".join(picked),
        secret=signing.new_secret(),
        created_by=by,
    )
    _audit(endpoint, by, "webhook.created")
    return endpoint


def _audit(endpoint: Endpoint, by: User, action: str) -> None:
    if endpoint.blog_id is None:  # the network's: a staff action, recorded
        audit(actor=by, action=action, target=endpoint, details={"url": endpoint.url})


@transaction.atomic
def delete_endpoint(*, endpoint: Endpoint, by: User) -> None:
    _audit(endpoint, by, "webhook.deleted")
    endpoint.delete()


def _envelope(event: str, data: dict[str, Any]) -> bytes:
    body = {"type": event, "timestamp": timezone.now().isoformat(), "data": data}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _queue(endpoint: Endpoint, event: str, body: bytes) -> Delivery:
    delivery = Delivery.objects.create(
        endpoint=endpoint, message_id=f"msg_{uuid.uuid4().hex}", event=event, body=body
    )
    from chaikhana.webhooks.tasks import deliver_task  # tasks imports the actions

    enqueue_on_commit(deliver_task, delivery_id=delivery.pk)
    return delivery


@transaction.atomic
def queue_event(*, event: str, blog: Blog | None, data: dict[str, Any], network: bool) -> int:
    """A delivery for each endpoint listening: the blog's, and the network's if *network*
    (public things only). Returns how many were queued."""
    body = _envelope(event, data)
    endpoints = list(Endpoint.objects.for_blog(blog)) if blog is not None else []
    if network:
        endpoints += list(Endpoint.objects.for_blog(None))
    chosen = [e for e in endpoints if event in e.event_list]
    for endpoint in chosen:
        _queue(endpoint, event, body)
    return len(chosen)


@transaction.atomic
def send_test(*, endpoint: Endpoint, by: User) -> Delivery:
    """A "webhook.test" delivery, to check the receiver and its signature check."""
    _audit(endpoint, by, "webhook.tested")
    data = {"message": "This is a test from Chaikhana.", "endpoint": endpoint.pk}
    return _queue(endpoint, events.TEST_EVENT, _envelope(events.TEST_EVENT, data))


def _retry_or_fail(delivery: Delivery, error: str, status: int | None) -> None:
    delivery.error, delivery.response_status = error[:300], status
    if delivery.attempts >= conf.attempts():
        delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
        delivery.save()
        return
    wait = timedelta(seconds=conf.retry_base_seconds() * 4 ** (delivery.attempts - 1))
    delivery.next_attempt_at = (delivery.last_attempt_at or timezone.now()) + wait
    delivery.save()
    from chaikhana.webhooks.tasks import deliver_task

    enqueue_on_commit(deliver_task, run_after=delivery.next_attempt_at, delivery_id=delivery.pk)


@transaction.atomic
def deliver(*, delivery_id: int) -> Delivery | None:
    """Try one delivery now (once it is due); idempotent: a settled one is left alone."""
    delivery = (
        Delivery.objects.select_for_update()
        .select_related("endpoint")
        .filter(pk=delivery_id)
        .first()
    )
    now = timezone.now()
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return delivery
    if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
        return delivery  # early: the task that is due will come
    body = bytes(delivery.body)
    headers = signing.headers(
        delivery.endpoint.secret, delivery.message_id, int(now.timestamp()), body
    )
    delivery.attempts += 1
    delivery.last_attempt_at = now
    try:
        response = safehttp.fetch(
            delivery.endpoint.url,
            method="POST",
            data=body,
            headers=headers,
            max_bytes=64 * 1024,
            timeout=conf.timeout_seconds(),
            max_redirects=0,
        )
    except safehttp.SafeHTTPError as error:
        _retry_or_fail(delivery, str(error) or error.__class__.__name__, None)
        return delivery
    if 200 <= response.status < 300:
        delivery.status, delivery.response_status = Delivery.Status.DELIVERED, response.status
        delivery.error, delivery.next_attempt_at = "", None
        delivery.save()
    else:
        _retry_or_fail(
            delivery,
            _("The receiver answered HTTP %(status)d.") % {"status": response.status},
            response.status,
        )
    return delivery
