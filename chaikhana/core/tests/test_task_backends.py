"""RQ with the database queue standing in while Redis is away (core/task_backends.py)."""

from __future__ import annotations

import pytest
from django_tasks import task
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

RQ_THEN_DATABASE = {
    "default": {"BACKEND": "chaikhana.core.task_backends.RQBackendWithFallback"},
    "fallback": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@task()
def remember(*, item_id: int) -> None:
    """A task the tests enqueue and never run."""


class RQBackendWithFallbackTests:
    def test_task_waits_in_the_database_queue_when_redis_is_away(self, settings):
        settings.TASKS = RQ_THEN_DATABASE
        settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:9/0"}}  # nothing listens
        remember.enqueue(item_id=7)
        waiting = DBTaskResult.objects.get(backend_name="fallback")
        assert waiting.task_path.endswith("test_task_backends.remember")
        assert waiting.args_kwargs["kwargs"] == {"item_id": 7}
