"""Tasks lost with their worker: requeue what a killed database-queue worker was running.

django-tasks-db marks a task RUNNING when a worker claims it and only a live worker ever
moves it on, so a worker killed mid-task (kill -9, out of memory, power cut) leaves the task
RUNNING for ever: never finished, never retried. deploy/worker names each worker
``<host>:<pid>`` and calls `requeue_lost_tasks` before it starts; a task whose worker on this
host no longer exists, or that has run longer than any task may, goes back to the queue.
Tasks are idempotent (docs/architecture.md), so running one again completes it once in effect.
"""

from __future__ import annotations

import os
from datetime import timedelta

from django.db import transaction
from django.utils import timezone


def _gone(claimed_by: str, host: str) -> bool:
    name, _, pid = claimed_by.rpartition(":")
    if name != host or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def requeue_lost_tasks(*, host: str, older_than: timedelta) -> list[str]:
    """Put back in the queue every RUNNING task whose worker on *host* is dead, or that
    started more than *older_than* ago; the ids of the tasks requeued."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    stale_before = timezone.now() - older_than
    lost = []
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
        for task in running:
            claimed_by = task.worker_ids[-1] if task.worker_ids else ""
            started = task.started_at
            if _gone(claimed_by, host) or (started is not None and started < stale_before):
                lost.append(str(task.pk))
        DBTaskResult.objects.filter(pk__in=lost).update(
            status=TaskResultStatus.READY, started_at=None
        )
    return lost
