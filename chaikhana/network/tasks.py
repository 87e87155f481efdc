"""Background work of the network: purging deletions when their grace period ends."""

from __future__ import annotations

from django_tasks import task

from chaikhana.network.actions import purge
from chaikhana.network.actions.storage import repair_storage
from chaikhana.network.models import PendingDeletion
from chaikhana.network.storage_check import check_storage


@task()
def purge_deletion(*, deletion_id: int) -> None:
    """Enqueued with run_after=due_at; a restored or early item is left alone."""
    deletion = PendingDeletion.objects.due().filter(pk=deletion_id).first()
    if deletion is not None:
        purge.purge_deletion(deletion=deletion)


@task()
def repair_storage_task() -> None:
    """Remove orphan files and remake missing renditions (manage.py check_media)."""
    repair_storage(report=check_storage())
