import os
import socket
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from chaikhana.core.lost_tasks import requeue_lost_tasks

HOST = socket.gethostname()


def running(worker: str, started_ago: timedelta = timedelta(0)) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        task_path="chaikhana.media.tasks.make_renditions",
        args_kwargs={"args": [], "kwargs": {"media_id": 1}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=timezone.now(),
        started_at=timezone.now() - started_ago,
        worker_ids=[worker],
    )


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.django_db
class RequeueLostTasksTests:
    def test_task_goes_back_to_the_queue_when_its_worker_died(self):
        task = running(f"{HOST}:{dead_pid()}")
        assert requeue_lost_tasks(host=HOST, older_than=timedelta(hours=1)) == [str(task.pk)]
        task.refresh_from_db()
        assert task.status == TaskResultStatus.READY

    def test_task_stays_running_when_its_worker_is_alive(self):
        task = running(f"{HOST}:{os.getpid()}")
        assert requeue_lost_tasks(host=HOST, older_than=timedelta(hours=1)) == []
        task.refresh_from_db()
        assert task.status == TaskResultStatus.RUNNING

    def test_task_of_another_host_is_requeued_only_when_it_ran_too_long(self):
        fresh = running("elsewhere:1")
        stale = running("elsewhere:2", started_ago=timedelta(hours=2))
        assert requeue_lost_tasks(host=HOST, older_than=timedelta(hours=1)) == [str(stale.pk)]
        fresh.refresh_from_db()
        assert fresh.status == TaskResultStatus.RUNNING
