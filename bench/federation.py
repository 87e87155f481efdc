#!/usr/bin/env python
"""Federation: the publish request with 10,000 followers on 2,000 servers, the fan-out task,
and signed deliveries per second against local inboxes.
Run: .venv/bin/python bench/federation.py  (a throwaway in-memory database, a local inbox
server on a free 127.0.0.1 port; prints the numbers BENCHMARKS.md quotes).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from chaikhana.blogs.actions.posts.content import PostContent  # noqa: E402
from chaikhana.blogs.actions.posts.status import publish_post  # noqa: E402
from chaikhana.blogs.actions.posts.writing import create_post  # noqa: E402
from chaikhana.core.testing.factories import BlogFactory, UserFactory  # noqa: E402
from chaikhana.federation import delivery, keys  # noqa: E402
from chaikhana.federation.actions import outbound  # noqa: E402
from chaikhana.federation.models import Delivery, Follower, RemoteActor  # noqa: E402

SERVERS, PER_SERVER = 2000, 5
DELIVERIES = 400


class _Inbox(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def followers_for(blog, port: int) -> None:
    """SERVERS servers of PER_SERVER followers each, every server with its shared inbox."""
    now = timezone.now()
    actors = RemoteActor.objects.bulk_create(
        RemoteActor(
            uri=f"http://127.0.0.1:{port}/s{s}/users/u{u}",
            host=f"s{s}.example",
            inbox=f"http://127.0.0.1:{port}/s{s}/users/u{u}/inbox",
            shared_inbox=f"http://127.0.0.1:{port}/s{s}/inbox",
            key_id=f"k{s}-{u}",
            public_pem="-",
            fetched_at=now,
        )
        for s in range(SERVERS)
        for u in range(PER_SERVER)
    )
    Follower.objects.bulk_create(
        Follower(blog=blog, remote=a, state="accepted", follow_uri=f"{a.uri}#f") for a in actors
    )


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Inbox)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    with override_settings(
        SAFEHTTP_ALLOW_LOOPBACK=True,
        SITE_URL="http://127.0.0.1",
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    ):
        user = UserFactory()
        quiet, busy = BlogFactory(owner=user), BlogFactory(owner=user)
        followers_for(busy, port)
        keys.key_for(keys.blog_actor(busy.pk)), keys.key_for(keys.blog_actor(quiet.pk))

        def publish(blog) -> float:
            post = create_post(
                blog=blog, by=user, content=PostContent(title="Tea", body_source="Hot.")
            )
            with transaction.atomic():
                return timed(lambda: publish_post(post=post, by=user))

        quiet_ms = [publish(quiet) for _ in range(5)]
        busy_ms = [publish(busy) for _ in range(5)]
        post = create_post(blog=busy, by=user, content=PostContent(title="Fan", body_source="Out."))
        publish_post(post=post, by=user)
        post.refresh_from_db()
        fanout_ms = timed(lambda: outbound.sync_post(post=post))
        rows = list(Delivery.objects.filter(post_id=post.pk).select_related("blog")[:DELIVERIES])

        cpu0, t0 = cpu(), time.perf_counter()
        outcomes = [delivery.send(row) for row in rows[: DELIVERIES // 2]]
        serial_s, serial_cpu = time.perf_counter() - t0, cpu() - cpu0
        body = json.dumps(rows[0].activity).encode()
        actor = keys.blog_actor(busy.pk)

        def post_one(row) -> int:
            return delivery.post_signed(inbox=row.inbox, body=body, actor=actor, key_id="k")

        cpu0, t0 = cpu(), time.perf_counter()
        with ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(pool.map(post_one, rows[DELIVERIES // 2 :]))
        pooled_s, pooled_cpu = time.perf_counter() - t0, cpu() - cpu0
    server.shutdown()

    n_serial, n_pooled = len(outcomes), len(statuses)
    inboxes = Delivery.objects.filter(post_id=post.pk).count()
    print(f"# bench/federation — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}; in-memory SQLite, database task queue"
    )
    print(f"publish_post, blog with no followers: median {statistics.median(quiet_ms):.1f} ms")
    print(
        f"publish_post, {SERVERS * PER_SERVER:,} followers on {SERVERS:,} servers: "
        f"median {statistics.median(busy_ms):.1f} ms"
    )
    print(
        f"fan-out task (Create to {inboxes:,} shared inboxes, "
        f"rows + one task each): {fanout_ms:.0f} ms"
    )
    print(
        f"deliveries, one worker (sign + POST + record): {n_serial / serial_s:.0f}/s, "
        f"{serial_cpu / n_serial * 1000:.1f} ms CPU each, all delivered: "
        f"{all(o == 'delivered' for o in outcomes)}"
    )
    print(
        f"signed POSTs, 4 threads: {n_pooled / pooled_s:.0f}/s, "
        f"{pooled_cpu / n_pooled * 1000:.1f} ms CPU each, all 202: {set(statuses) == {202}}"
    )


if __name__ == "__main__":
    main()
