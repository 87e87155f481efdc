"""Process helpers for the fault drills (3-5): a private PostgreSQL cluster and a private
redis-server on free loopback ports, started and stopped by the drill itself.

The machine's own PostgreSQL (5432) and Redis (6379) are shared by everyone's tests, so a drill
never touches them: it restarts only what it started here. gunicorn, base_env and free_port
come from the benchmarks' helpers (bench/_reading.py).
"""

from __future__ import annotations

import contextlib
import fcntl
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench._reading import PY, base_env, free_port, gunicorn, manage  # noqa: E402

__all__ = ["PY", "base_env", "free_port", "gunicorn", "manage"]


def _as_postgres(*args: str, **kwargs: object) -> subprocess.CompletedProcess:
    # initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
    cmd = ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]


@dataclass
class PrivatePostgres:
    data: str
    port: int

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/chaikhana"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        _as_postgres(
            "pg_ctl", "-D", self.data, "-o", options, "-l", f"{self.data}/log", "-w", "start"
        )

    def stop(self) -> None:
        # "fast": the way a restart by the administrator (or systemd) ends every session.
        _as_postgres("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")


@contextlib.contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """A fresh cluster in a temporary directory with one database, "chaikhana"."""
    top = tempfile.mkdtemp(prefix="chaikhana-pg-")
    shutil.chown(top, "postgres") if os.geteuid() == 0 else None
    pg = PrivatePostgres(data=f"{top}/data", port=free_port())
    _as_postgres(
        "initdb", "-D", pg.data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"
    )
    pg.start()
    try:
        _as_postgres(
            "createdb", "-h", "127.0.0.1", "-p", str(pg.port), "-U", "postgres", "chaikhana"
        )
        yield pg
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _as_postgres("pg_ctl", "-D", pg.data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(top, ignore_errors=True)


@dataclass
class PrivateRedis:
    port: int
    data: str
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        # An append-only file, as docs/operations.md asks: RQ's queue outlives a restart.
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        args += ["--save", "", "--dir", self.data, "--appendonly", "yes", "--loglevel", "warning"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not _redis_answers(self.port):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        self.proc = None


def _redis_answers(port: int) -> bool:
    try:
        import socket

        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    with tempfile.TemporaryDirectory(prefix="chaikhana-redis-") as data:
        redis = PrivateRedis(port=free_port(), data=data)
        redis.start()
        try:
            yield redis
        finally:
            redis.stop()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float


def request(
    base: str,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    timeout: float = 20,
) -> Answer:
    """One request over a new loopback connection; status 0 when the connection failed."""
    port = int(base.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        hdrs = {k.lower(): v for k, v in resp.getheaders()}
        return Answer(resp.status, hdrs, text, time.monotonic() - t0)
    except OSError:
        return Answer(0, {}, "", time.monotonic() - t0)
    finally:
        conn.close()


class _Forms(HTMLParser):
    """The forms of a page as a browser would send them: action, method and default fields."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}, "files": set()})
        elif tag == "option" and self._select and self.forms:
            fields = self.forms[-1]["fields"]
            if self._select not in fields or "selected" in a:
                fields[self._select] = a.get("value", "")
        elif not self.forms or "name" not in a:
            return
        elif tag == "input" and a.get("type") == "file":
            self.forms[-1]["files"].add(a["name"])
        elif tag == "input" and a.get("type", "text") not in ("submit", "button", "image"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.forms[-1]["fields"][a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.forms[-1]["fields"][a["name"]] = ""
        elif tag == "select":
            self._select = a["name"]

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


class Browser:
    """A person's browser over loopback (cookies kept), reading and sending forms."""

    def __init__(self, base: str, language: str = "en") -> None:
        self.base = base
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = language

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return self.session.get(self.base + path, timeout=20, **kwargs)  # type: ignore[arg-type]

    def submit(
        self, path: str, field: str, files: dict | None = None, **values: object
    ) -> requests.Response:
        """Fill the first form on *path* that has *field* with *values* (and *files*: name ->
        (filename, bytes)) and send it."""
        page = self.get(path)
        if page.status_code != 200:  # what she sees instead of the form (a 503 in an outage)
            return page
        parser = _Forms()
        parser.feed(page.text)
        form = next((f for f in parser.forms if field in f["fields"] or field in f["files"]), None)
        if form is None:
            raise LookupError(f"no form with {field} at {page.url}")
        data = {**form["fields"], **values}
        target = urljoin(page.url, form["action"] or page.url)
        return self.session.post(
            target,
            data=data,
            files=files,
            headers={"Referer": page.url},
            timeout=60,
            allow_redirects=False,
        )

    def sign_in(self, username: str, password: str) -> None:
        answer = self.submit("/accounts/login/", "username", username=username, password=password)
        if answer.status_code != 302:
            raise RuntimeError(f"sign-in failed: {answer.status_code}")


DEMO_PASSWORD = "demo-password"  # the published password of the demo network (blogs/demo)


def prepare_site(env: dict, *, blogs: int = 2, posts: int = 6) -> None:
    """Tables and a small demo network; static files collected once per checkout (~90 s the
    first time, then reused), as `make run` does before serving."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "demo", "--blogs", str(blogs), "--posts", str(posts))
    # One collector at a time: drills may run side by side (pytest -n) on a fresh clone.
    with open(Path(tempfile.gettempdir()) / "chaikhana-drills-collectstatic.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (ROOT / "staticfiles" / "staticfiles.json").exists():
            manage(env, "collectstatic", "--noinput", "-v", "0")


@dataclass
class Record:
    at: float
    what: str
    status: int
    seconds: float
    text: str = ""


@dataclass
class Load:
    """Threads reading and writing until stopped; every answer recorded."""

    records: list[Record] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def run(self, what: str, step: Callable[[], requests.Response], pause: float = 0.05) -> None:
        def loop() -> None:
            while not self.stop.is_set():
                t0 = time.monotonic()
                try:
                    answer = step()
                    status, text = answer.status_code, answer.text[:3000]
                except (requests.RequestException, LookupError) as exc:
                    status, text = 0, repr(exc)
                self.records.append(Record(t0, what, status, time.monotonic() - t0, text))
                time.sleep(pause)

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        self.threads.append(thread)

    def finish(self) -> list[Record]:
        self.stop.set()
        for thread in self.threads:
            thread.join(30)
        return self.records
