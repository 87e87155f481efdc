"""Drill 1: the gunicorn worker handling a write is killed with SIGKILL at a random moment.

Each write runs on a stack whose every SQL statement waits a random few milliseconds
(DRILL_QUERY_DELAY_MS), so a request lasts long enough for the kill to land inside it; the
kill is timed uniformly over the request's measured length. Afterwards every row is whole
or absent, and the database passes its own integrity checks. DRILL_REPEATS kills per write.
"""

from __future__ import annotations

import functools
import io
import json
import random
import threading
import time
from collections.abc import Callable

from PIL import Image

from tests.reliability.client import Browser
from tests.reliability.conftest import REPEATS
from tests.reliability.stack import AppServer, Stack, app_server

DELAY_MS = "8"


def png(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (seed % 256, 80, 160)).save(out, "PNG")
    return out.getvalue()


class Writes:
    """The five writes, each as a browser sends it; *n* makes every attempt distinct."""

    def __init__(self, browser: Browser, facts: dict) -> None:
        self.b, self.facts = browser, facts
        blog = facts["blog"]
        self.editor = browser.form(f"/dashboard/@{blog}/posts/new/", lambda f: f["id"] == "editor")
        self.upload = browser.form(
            f"/dashboard/@{blog}/media/", lambda f: f["action"].endswith("/upload/")
        )
        self.comment = browser.form(
            f"/@{blog}/{facts['post_slug']}/", lambda f: f["id"] == "comment-form"
        )
        self.session_path = f"/courses/sessions/{facts['course_session']}/"
        self.anonymous = Browser(browser.base)  # a guest registers without an account
        self.guest = self.anonymous.form(
            self.session_path, lambda f: f["action"].endswith("/guest/")
        )

    def post(self, n: int) -> tuple[int, dict, str]:
        fields = dict(self.editor["fields"])
        fields.update(title=f"Drill {n}", body_source=f"Text of drill {n}.\n\n" * 20)
        fields.update(tags="drill, kill", status="draft")
        return self.b.post(self.editor["action"], fields)

    def upload_file(self, n: int) -> tuple[int, dict, str]:
        files = {"file": (f"drill-{n}.png", png(n), "image/png")}
        return self.b.post(self.upload["action"], dict(self.upload["fields"]), files=files)

    def comment_on(self, n: int) -> tuple[int, dict, str]:
        fields = dict(self.comment["fields"])
        fields.update(body=f"Comment {n}: a thought the drill would hate to lose.")
        return self.b.post(self.comment["action"], fields)

    def register(self, n: int) -> tuple[int, dict, str]:
        fields = dict(self.guest["fields"])
        fields.update(name=f"Guest {n}", email=f"guest{n}-{random.randrange(10**9)}@example.org")
        return self.anonymous.post(self.guest["action"], fields)

    def move(self, n: int) -> tuple[int, dict, str]:
        page = f"/portal/submissions/{self.facts['submission']}/"
        wanted = {"submitted": "in_review", "in_review": "fact_check", "fact_check": "in_review"}
        form = self.b.form(page, lambda f: f["action"].endswith("/move/"))
        to = wanted[form["fields"]["state"]]  # the button she presses (name="to")
        return self.b.post(form["action"], {**form["fields"], "to": to, "note": f"drill {n}"})


def kill_during(server: AppServer, write: Callable[[], object], window: float) -> bool:
    """Start *write*, kill -9 its worker at a random moment within *window*; True if cut."""
    pid = server.worker_pid()
    result: list[object] = []

    def run() -> None:
        try:
            result.append(write())
        except OSError as error:  # the worker died under the request
            result.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(random.uniform(0, window))
    server.kill_worker(pid)
    thread.join(30)
    server.wait_replaced(pid)
    return bool(result) and isinstance(result[0], OSError)


def check(stack: Stack) -> list[str]:
    out = stack.python("from tests.reliability.network import check; check()")
    return json.loads(out.strip().splitlines()[-1])


class KilledMidWriteTests:
    def test_every_row_is_whole_or_absent_when_the_worker_is_killed_mid_write(
        self, stack: Stack, facts: dict
    ) -> None:
        assert facts["course_session"] and facts["submission"], facts
        with app_server(stack, DRILL_QUERY_DELAY_MS=DELAY_MS) as server:
            browser = Browser(server.base, {"sessionid": facts["sessionid"]})
            writes = Writes(browser, facts)
            report: dict[str, list[int]] = {}
            for name, write in (
                ("post", writes.post),
                ("comment", writes.comment_on),
                ("upload", writes.upload_file),
                ("registration", writes.register),
                ("transition", writes.move),
            ):
                t0 = time.monotonic()
                status, _, body = write(0)  # one undisturbed write: it works, and how long
                window = (time.monotonic() - t0) * 1.2
                assert status in (200, 302), f"{name}: {status} {body[:500]}"
                cut = sum(
                    kill_during(server, functools.partial(write, n), window)
                    for n in range(1, REPEATS + 1)
                )
                report[name] = [cut, REPEATS, round(window * 1000)]
            print("killed mid-write (cut, kills, window ms):", report)
        assert check(stack) == []
