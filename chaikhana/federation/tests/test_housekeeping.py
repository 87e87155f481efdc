"""Old deliveries are forgotten by the hourly `purge_deliveries`; unfinished ones and the
portal's boosts (what it must Undo if a story takes a pseudonym) never are."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from chaikhana.federation.models import Delivery

pytestmark = pytest.mark.django_db


def delivery(blog, status: str, days_ago: int, n: int, kind: str = "Create") -> Delivery:
    row = Delivery.objects.create(
        blog=blog,
        post_id=1,
        activity={"type": kind},
        inbox=f"https://s{n}.example/inbox",
        host=f"s{n}.example",
        status=status,
    )
    # updated_at is the last try; auto_now would set it to now on save
    Delivery.objects.filter(pk=row.pk).update(updated_at=timezone.now() - timedelta(days=days_ago))
    return row


class PurgeDeliveriesTests:
    def test_finished_deliveries_go_after_the_log_days_when_the_periodic_job_runs(
        self, blog, settings
    ):
        settings.FEDERATION_DELIVERY_LOG_DAYS = 30
        old_done = delivery(blog, Delivery.Status.DELIVERED, 31, 1)
        old_failed = delivery(blog, Delivery.Status.FAILED, 31, 2)
        recent_done = delivery(blog, Delivery.Status.DELIVERED, 29, 3)
        recent_failed = delivery(blog, Delivery.Status.FAILED, 2, 4)
        still_tried = delivery(blog, Delivery.Status.PENDING, 90, 5)
        boost = delivery(blog, Delivery.Status.DELIVERED, 90, 6, kind="Announce")
        out = StringIO()
        call_command("purge_deliveries", stdout=out)
        assert out.getvalue().strip() == "purged 2"
        kept = set(Delivery.objects.values_list("pk", flat=True))
        assert kept == {recent_done.pk, recent_failed.pk, still_tried.pk, boost.pk}
        assert not kept & {old_done.pk, old_failed.pk}
        call_command("purge_deliveries", stdout=out)  # running it again does nothing more
        assert Delivery.objects.count() == 4
