"""Drill 2: the task worker is killed with SIGKILL while it works, and started again.

The work is real: renditions of new photos, a WordPress import, search indexing and the
outbound webmentions (with federation and newsletters hearing the same publication) of a
post that links to a local site. The worker is killed at random moments DRILL_REPEATS times
and restarted each time, as systemd restarts it; then every task must be finished, none
twice in effect, and the local site must have been notified once per link.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from urllib.parse import parse_qs

from chaikhana.core.testing.localserver import LocalServer
from tests.reliability.conftest import REPEATS
from tests.reliability.stack import Stack, TaskWorker, wait_until

DELAY_MS = "4"


def effects(stack: Stack) -> dict:
    out = stack.python("from tests.reliability.network import task_effects; task_effects()")
    return json.loads(out.strip().splitlines()[-1])


def receiver() -> LocalServer:
    """A small site whose pages advertise a webmention endpoint that records each mention."""
    site = LocalServer()
    for n in range(3):
        site.html(f"/page-{n}", f'<link rel="webmention" href="/wm"><p>page {n}</p>')
    site.route("/wm", status=202)
    return site


def tasks_started(stack: Stack) -> int:
    """How many times a worker has started a task, from the workers' own log."""
    log = stack.var_dir / "worker.log"
    return log.read_text(errors="replace").count("state=RUNNING") if log.exists() else 0


def drained(stack: Stack) -> dict | None:
    found = effects(stack)
    busy = found["due"] + found["statuses"].get("RUNNING", 0)
    return None if busy else found


class KilledMidTaskTests:
    def test_every_task_completes_once_when_the_worker_is_killed_mid_task(
        self, stack: Stack
    ) -> None:
        with receiver() as site:
            stack.python(
                "from tests.reliability.network import queue_work; "
                f"queue_work({site.url('')[:-1]!r})"
            )
            worker = TaskWorker(stack, stack.env(DRILL_QUERY_DELAY_MS=DELAY_MS))
            kills = 0
            try:
                for _ in range(REPEATS):
                    started = tasks_started(stack)
                    worker.start()
                    # Once it is at work (a task has started), kill it at a random moment.
                    wait_until(
                        "a task to start", lambda before=started: tasks_started(stack) > before, 60
                    )
                    time.sleep(random.uniform(0, 1.5))
                    worker.kill()
                    kills += 1
                worker.start()  # the last restart, left to finish everything
                found = wait_until("the queue to drain", lambda: drained(stack), 240, 2)
            finally:
                worker.stop()
            mentions = Counter(
                parse_qs(r.body.decode()).get("target", [""])[0]
                for r in site.requests
                if r.path == "/wm"
            )
        print("killed mid-task:", kills, "kills;", found, "mentions:", dict(mentions))
        assert found["failed"] == []
        assert found["images_without_renditions"] == 0
        assert found["doubled_renditions"] == 0
        assert found["unindexed"] == 0
        assert found["imports"] == ["done"]
        assert found["doubled_imported"] == 0
        # TODO(issue 20): no webmention reaches the local site yet (the link targets are on
        # 127.0.0.1, which links_to_notify may treat as our own host): not yet asserted.
        assert all(n == 1 for n in mentions.values()), mentions
