"""Enqueue background tasks only after the transaction that asked for them commits."""

from datetime import datetime
from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *, run_after: datetime | None = None, **kwargs: Any) -> None:
    """Enqueue *task* with keyword arguments once the current transaction commits.

    A worker must never read rows that do not exist yet. Backends that cannot defer
    (the immediate backend in tests) run the task at once; tasks are written to be
    idempotent and to do nothing when they are early.
    """

    def enqueue() -> None:
        bound = task
        if run_after is not None and task.get_backend().supports_defer:
            bound = task.using(run_after=run_after)
        bound.enqueue(**kwargs)

    transaction.on_commit(enqueue)
