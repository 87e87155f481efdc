"""RQ, with the database queue standing in while Redis cannot be reached.

A task is enqueued after its transaction commits (core.tasks), so when Redis is away the
rows it should act on are already saved, and a lost enqueue is lost work (a rendition never
made, a webmention never sent). This backend writes such a task to the "fallback" backend
(django-tasks-db, settings.py) instead, which deploy/worker's db_worker runs; the task is the
same code, idempotent, taking ids (docs/operations.md).
"""

from __future__ import annotations

import logging
from typing import Any

from django_tasks import task_backends
from django_tasks.base import Task, TaskResult
from django_tasks_rq.backend import RQBackend
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

FALLBACK_ALIAS = "fallback"


class RQBackendWithFallback(RQBackend):
    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        try:
            return super().enqueue(task, args, kwargs)
        except (ConnectionError, TimeoutError):
            logger.warning("Redis unreachable: %s queued in the database", task.module_path)
            return task_backends[FALLBACK_ALIAS].enqueue(task, args, kwargs)
