"""A post to N subscribers (10,000): time to queue, messages/s to a local SMTP sink, peak memory,
and a crash in the middle: `bench/newsletter [--subscribers N] [--kill-at FRACTION]`.

A scratch SQLite network in a temporary CHAIKHANA_VAR_DIR: one blog, N active subscribers, one
post. Then, as in production:

1. **Queue**: `open_post_issues` + `queue_issue` (what `post_published` sets off), in this
   process, timed, with tracemalloc's peak; repeated for N/10 subscribers to show that memory
   does not grow with the list (the fan-out streams ids in chunks of 1,000).
2. **Send**: the sender is `manage.py newsletters --until-empty` in its own process (what the
   hourly cron and the task chain run), sending over SMTP to an aiosmtpd sink on 127.0.0.1 that
   writes each message's Message-ID to a file. When the sink has counted `--kill-at` of N, the
   sender gets SIGKILL (no cleanup, like a power cut); then it is started again and runs to the
   end. Its peak resident memory (VmHWM) is read from /proc before each exit.
3. **Check**: every subscriber's Message-ID arrived, and how many arrived twice (the
   at-least-once window of docs/newsletters.md: a kill between the sink's 250 and our commit).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import _reading as r

SINK = r'''
import sys, time
from aiosmtpd.controller import Controller
out = open(sys.argv[2], "a", buffering=1)
class Sink:
    async def handle_DATA(self, server, session, envelope):
        for line in envelope.content.split(b"\r\n"):
            if line.lower().startswith(b"message-id:"):
                out.write(line.split(b":", 1)[1].strip().decode() + "\n")
                break
        return "250 OK"
Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1])).start()
while True:
    time.sleep(3600)
'''


def lines(path: Path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def vm_hwm(pid: int) -> int:
    """Peak resident memory of *pid* in kB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def setup(env: dict, n: int) -> None:
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chaikhana.settings")
    import django

    django.setup()
    r.manage(env, "migrate", "--noinput", "-v", "0")


def make_list(n: int, blog_name: str) -> tuple[object, object]:
    from chaikhana.core.testing.factories import BlogFactory, PostFactory
    from chaikhana.newsletters.actions import list_for_blog
    from chaikhana.newsletters.models import Subscription

    blog = BlogFactory(name=blog_name, title=f"Bench {blog_name}")
    ml = list_for_blog(blog=blog)
    Subscription.objects.bulk_create(
        [
            Subscription(mailing_list=ml, email=f"r{i}@bench.example", status="active",
                         language=("ru", "ky", "en")[i % 3], images=("small", "none")[i % 2])
            for i in range(n)
        ],
        batch_size=2000,
    )  # fmt: skip
    return blog, PostFactory(blog=blog, title="Снег в Нарыне", body_source="Текст. " * 300)


def queue(post: object) -> tuple[float, int, int]:
    """Seconds to write every delivery, tracemalloc's peak in bytes, rows written."""
    import tracemalloc

    from chaikhana.newsletters.actions import open_post_issues, queue_issue
    from chaikhana.newsletters.models import Delivery

    tracemalloc.start()
    t0 = time.perf_counter()
    issues = open_post_issues(post=post)
    for issue in issues:
        queue_issue(issue=issue)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, Delivery.objects.filter(issue__in=issues).count()


def sender(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [r.PY, "manage.py", "newsletters", "--until-empty", "--batch", "200"],
        cwd=r.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subscribers", type=int, default=10_000)
    ap.add_argument("--kill-at", type=float, default=0.5)
    args = ap.parse_args()
    n = args.subscribers
    with tempfile.TemporaryDirectory(prefix="newsletter-bench-") as var:
        port, ids = r.free_port(), Path(var) / "message-ids.txt"
        env = r.base_env(var) | {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port),
            "NEWSLETTERS_PER_HOUR": str(10 * n), "SITE_URL": "https://bench.example",
        }  # fmt: skip
        start = r.machine()
        # This process only queues: the sender is the subprocess below, as in production.
        setup(env | {"TASK_BACKEND": "django_tasks.backends.dummy.DummyBackend"}, n)
        _small_blog, small_post = make_list(n // 10, "small")
        small = queue(small_post)
        from chaikhana.newsletters.models import Delivery

        Delivery.objects.all().delete()  # only the big list is sent
        _blog, post = make_list(n, "big")
        big = queue(post)
        r.log(f"queued {big[2]:,} deliveries in {big[0]:.2f} s")
        sink = subprocess.Popen([r.PY, "-c", SINK, str(port), str(ids)], cwd=r.ROOT)
        try:
            time.sleep(1.0)
            t0 = time.perf_counter()
            first = sender(env)
            while len(lines(ids)) < n * args.kill_at and first.poll() is None:
                time.sleep(0.05)
            killed_at, hwm1 = len(lines(ids)), vm_hwm(first.pid)
            first.send_signal(signal.SIGKILL)
            first.wait()
            t1 = time.perf_counter()
            pending = Delivery.objects.filter(status="pending").count()
            second = sender(env)
            hwm2 = 0
            while second.poll() is None:
                hwm2 = max(hwm2, vm_hwm(second.pid))
                time.sleep(0.05)
            t2 = time.perf_counter()
            if second.returncode:
                r.log(second.stderr.read() if second.stderr else "")
            time.sleep(0.5)
        finally:
            sink.send_signal(signal.SIGTERM)
            sink.wait()
        got = lines(ids)
        unique = set(got)
        expected = {f"<nl.{d.issue_id}.{d.subscription_id}@bench.example>"
                    for d in Delivery.objects.all()}  # fmt: skip
        rate = len(got) / ((t1 - t0) + (t2 - t1))
        print(f"""
## Newsletter: one post to {n:,} subscribers (bench/newsletter)

| measure | result |
| --- | --: |
| time to queue {n:,} deliveries (issue + delivery rows) | {big[0]:.2f} s |
| peak Python memory while queueing {n // 10:,} / {n:,} subscribers (tracemalloc) | {small[1] / 1e6:.1f} MB / {big[1] / 1e6:.1f} MB |
| messages per second to the SMTP sink (both runs, one connection per batch of 200) | {rate:,.0f} |
| sender's peak resident memory, first run / restarted run (VmHWM) | {hwm1 / 1024:.0f} MB / {hwm2 / 1024:.0f} MB |
| sender killed (SIGKILL) after the sink had | {killed_at:,} messages |
| left waiting after the kill | {pending:,} deliveries |
| delivered after the restart, in total | {len(got):,} |
| distinct subscribers reached / expected | {len(unique & expected):,} / {len(expected):,} |
| delivered twice (the at-least-once window) | {len(got) - len(unique):,} |
| rows still waiting / failed at the end | {Delivery.objects.filter(status="pending").count():,} / {Delivery.objects.filter(status="failed").count():,} |

""")  # fmt: skip
        r.print_machine(start)
        print("- The machine was shared with four other sessions' builds and tests at the time.")


if __name__ == "__main__":
    main()
