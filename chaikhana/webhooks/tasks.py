"""Background work for webhooks: one delivery id in, one attempt out; idempotent."""

from __future__ import annotations

from django_tasks import task

from chaikhana.webhooks import actions


@task()
def deliver_task(*, delivery_id: int) -> None:
    actions.deliver(delivery_id=delivery_id)
