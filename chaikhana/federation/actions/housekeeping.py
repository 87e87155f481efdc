"""Forgetting what is finished: old deliveries, once their log is no longer worth showing."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from chaikhana.federation import conf
from chaikhana.federation.models import Delivery


@transaction.atomic
def purge_old_deliveries() -> int:
    """Delete deliveries finished more than FEDERATION_DELIVERY_LOG_DAYS ago; how many.

    A row's ``updated_at`` is its last try: delivered ones go N days after they arrived,
    failed ones N days after the try that gave up; those still being tried stay, and so do
    the portal's Announces and their Undos.
    """
    cutoff = timezone.now() - timedelta(days=conf.delivery_log_days())
    finished = (Delivery.Status.DELIVERED, Delivery.Status.FAILED)
    old = Delivery.objects.filter(status__in=finished, updated_at__lt=cutoff)
    # The portal's boosts stay: they are how it knows it boosted a post (never twice) and
    # what to Undo if the story later takes a pseudonym (actions/portal.py).
    old = old.exclude(activity__type__in=["Announce", "Undo"])
    count, _by_model = old.delete()
    return count
