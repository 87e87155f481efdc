"""Drill 4: the cache and the task queue go away (issue 20).

A private redis-server (never the machine's) holds the cache, the page cache, the rate limits
and RQ's queue. It is stopped while readers keep reading: pages are still served, people still
sign in and comment, a post saved meanwhile has its tasks written to the database queue
(core/task_backends.py), tasks queued in RQ before the outage are still there after it, and
everything answers as before once Redis is back.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests

from tests.reliability._faults import (
    DEMO_PASSWORD,
    PY,
    ROOT,
    Browser,
    Load,
    Record,
    base_env,
    gunicorn,
    prepare_site,
    private_redis,
)

pytestmark = pytest.mark.drill

# Made-up words the search finds only once the post's indexing task has run.
BEFORE, DURING = "Samovarbefore", "Samovarduring"


def _new_post(writer: Browser, title: str) -> requests.Response:
    return writer.submit(
        "/dashboard/@demo/posts/new/",
        "body_source",
        title=title,
        body_source=f"{title} text.",
        status="published",
        save="1",
    )


def _found(reader: Browser, word: str) -> bool:
    # A link to the post (its slug is the title), not the query said back to her.
    return f"/@demo/{word.lower()}/" in reader.get(f"/search/?q={word}").text


def _run(env: dict, *args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


@dataclass
class Outage:
    reads: list[Record]
    during: dict[str, requests.Response]
    found_before_workers: dict[str, bool]
    found_after_workers: dict[str, bool]
    healthy_after: float
    after: dict[str, requests.Response]


@pytest.fixture(scope="module")
def outage() -> Iterator[Outage]:
    with private_redis() as redis, tempfile.TemporaryDirectory() as var:
        env = base_env(var, redis_url=redis.url) | {"TASK_BACKEND": "django_tasks_rq.RQBackend"}
        prepare_site(env)
        with gunicorn(env, workers=2, threads=4) as server:
            writer = Browser(server.base)
            writer.sign_in("demo", DEMO_PASSWORD)
            post_path = _first_post(writer)
            assert _new_post(writer, BEFORE).status_code == 302  # its tasks wait in RQ
            load = Load()
            for path in ("/", "/@demo/", post_path, "/blogs/"):
                load.run("read", lambda p=path: Browser(server.base).get(p))
            time.sleep(1)
            redis.stop()
            time.sleep(1)
            during = {
                "post": _new_post(writer, DURING),
                "comment": writer.submit(post_path, "body", body="Written while Redis was away."),
                "guest comment": Browser(server.base).submit(
                    post_path, "body", body="A guest while Redis was away.", name="Guest"
                ),
            }
            newcomer = Browser(server.base, "ru")
            during["sign-in"] = newcomer.submit(
                "/accounts/login/", "username", username="demo", password=DEMO_PASSWORD
            )
            during["dashboard"] = newcomer.get("/dashboard/")
            during["wrong password"] = Browser(server.base).submit(
                "/accounts/login/",
                "username",
                username="demo",
                password="not-it",  # noqa: S106
            )
            time.sleep(1)
            redis.start()
            t0, healthy_after = time.monotonic(), float("inf")
            while time.monotonic() - t0 < 15:
                if Browser(server.base).get("/healthz").status_code == 200:
                    healthy_after = time.monotonic() - t0
                    break
                time.sleep(0.2)
            reads = load.finish()
            reader = Browser(server.base)
            found_before = {w: _found(reader, w) for w in (BEFORE, DURING)}
            _run(env, "rqworker", "default", "--job-class", "django_tasks_rq.Job", "--burst")
            _run(env, "db_worker", "--backend", "fallback", "--batch", "--no-startup-delay")
            found_after = {w: _found(reader, w) for w in (BEFORE, DURING)}
            after = {"post": _new_post(writer, "After the outage"), "page": reader.get("/@demo/")}
            yield Outage(reads, during, found_before, found_after, healthy_after, after)


def _first_post(browser: Browser) -> str:
    feed = browser.get("/@demo/feed/").text
    return "/" + feed.split("<item>")[1].split("<link>")[1].split("</link>")[0].split("/", 3)[3]


class CacheGoneTests:
    def test_pages_are_served_when_redis_is_down(self, outage):
        assert outage.reads and {r.status for r in outage.reads} == {200}
        assert max(r.seconds for r in outage.reads) < 5

    def test_people_sign_in_write_and_comment_when_redis_is_down(self, outage):
        assert {k: a.status_code for k, a in outage.during.items()} == {
            "post": 302,
            "comment": 302,
            "guest comment": 302,
            "sign-in": 302,
            "dashboard": 200,
            "wrong password": 200,  # the form again, with its message: not a 500
        }
        assert "demo" in outage.during["dashboard"].text

    def test_no_task_is_lost_when_redis_is_down(self, outage):
        assert outage.found_before_workers == {BEFORE: False, DURING: False}
        assert outage.found_after_workers == {BEFORE: True, DURING: True}

    def test_everything_answers_as_before_when_redis_returns(self, outage):
        assert outage.healthy_after < 5
        assert outage.after["post"].status_code == 302
        assert outage.after["page"].status_code == 200
