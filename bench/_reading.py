"""Shared helpers for the reading benchmarks (bench/pageweight, bench/throughput, bench/scale).

Everything here talks to 127.0.0.1 only: servers are started by us on free loopback ports
and stopped by us (context managers, so an exception or Ctrl-C stops them too).
"""

from __future__ import annotations

import contextlib
import datetime
import http.client
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG = "postgres://postgres@127.0.0.1:5432/"


def log(*args: object) -> None:
    print(*args, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def base_env(var_dir: str, database_url: str | None = None, redis_url: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(CHAIKHANA_VAR_DIR=var_dir, SQLITE_PATH=f"{var_dir}/bench.sqlite3")
    env.update(TASK_BACKEND="django_tasks.backends.immediate.ImmediateBackend")
    env.pop("CHAIKHANA_TEST", None)
    env.pop("DEBUG", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env: dict, *args: str, timeout: float = 3600) -> str:
    t0 = time.monotonic()
    proc = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode:
        log(proc.stderr[-3000:])
        proc.check_returncode()
    out = proc.stdout
    log(f"  manage.py {' '.join(args)[:60]}: {time.monotonic() - t0:.1f} s")
    return out


def load_network(env: dict, blogs: int, posts: int) -> None:
    """migrate, demo, reindex_search, collectstatic: what bin/run does before serving."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "demo", "--blogs", str(blogs), "--posts", str(posts))
    manage(env, "demo_media", "--if-needed")  # photo posts through the media library, as bin/run
    manage(env, "reindex_search")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def shell(env: dict, code: str) -> str:
    """Run Python inside Django (manage.py shell -c) and return its stdout."""
    return manage(env, "shell", "-c", code, timeout=600)


def pick_pages(env: dict) -> dict:
    """URLs of the pages the issue names, chosen from the demo network."""
    code = r"""
import json
from django.db.models import Count, F, Func, Q
from django.db.models.functions import Abs
from chaikhana.blogs.models import Blog, Post
from django.utils import timezone
pub = Post.objects.filter(status="published", kind="post", published_at__lte=timezone.now(),
                          blog__is_active=True, blog__visibility="public")
post = (pub.exclude(blog__name__in=["kamera"]).filter(body_html__icontains="<p")
        .exclude(body_html__icontains="<img")
        .annotate(d=Abs(F("word_count") - 600)).order_by("d", "id").select_related("blog").first())
blog = (Blog.objects.filter(is_active=True, visibility="public")
        .annotate(n=Count("posts", filter=Q(posts__status="published")))
        .filter(n__gte=10, posts_per_page=10).order_by("-n", "id").first())
photo = (pub.filter(body_html__icontains="<img").annotate(d=Abs(F("word_count") - 60))
         .order_by("id").select_related("blog").first())
last = pub.filter(blog=blog).order_by("-published_at").first()
when = timezone.localtime(last.published_at)
print(json.dumps({
    "post": post.get_absolute_url(), "post_words": post.word_count, "post_blog": post.blog.name,
    "home": blog.get_absolute_url(), "home_blog": blog.name,
    "month": f"/@{blog.name}/{when.year}/{when.month}/",
    "feed": f"/@{blog.name}/feed/",
    "search": f"/@{blog.name}/search/?q=" + "{q}",
    "photo": photo.get_absolute_url() if photo else None,
    "lang": blog.language,
    "q": next((w for w in last.title.split() if len(w) >= 5 and w.isalpha()),
              last.title.split()[0]),
}))
"""
    return json.loads(shell(env, code).strip().splitlines()[-1])


@dataclass
class Server:
    base: str
    proc: subprocess.Popen

    def pids(self) -> list[int]:
        """The master and its workers."""
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.proc.pid)], capture_output=True, text=True
        ).stdout
        return [self.proc.pid, *(int(p) for p in out.split())]

    def worker_pids(self) -> list[int]:
        return self.pids()[1:]


@contextlib.contextmanager
def gunicorn(env: dict, workers: int, threads: int = 1) -> Iterator[Server]:
    port = free_port()
    args = [GUNICORN, "chaikhana.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    if threads > 1:
        args += ["--threads", str(threads)]
    args += ["--log-level", "warning", "--timeout", "120"]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", proc)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, _ = get(server.base + "/healthz")
                if status == 200 and len(server.worker_pids()) >= workers:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.3)
        yield server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@contextlib.contextmanager
def scratch_dir(prefix: str) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix=prefix) as d:
        yield d


@contextlib.contextmanager
def postgres_db(name: str, keep: bool = False) -> Iterator[str]:
    """A fresh database of ours on the local PostgreSQL; dropped afterwards unless *keep*."""
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    try:
        yield PG + name
    finally:
        if not keep:
            subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=False)


def get(url: str, headers: dict | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """One GET over a new loopback connection; the body exactly as sent (not decoded)."""
    parts = urlsplit(url)
    if parts.hostname != "127.0.0.1":
        raise ValueError("benchmarks only talk to 127.0.0.1")
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, resp.getheaders(), body
    finally:
        conn.close()


def header_bytes(status: int, headers: list[tuple[str, str]]) -> int:
    """Bytes of the HTTP/1.1 status line and header block as received (names, ': ', values,
    CRLFs, the empty line). HTTP/2's HPACK would send fewer."""
    line = len(f"HTTP/1.1 {status} {http.client.responses.get(status, '')}\r\n".encode())
    return line + sum(len(k.encode()) + 2 + len(v.encode()) + 2 for k, v in headers) + 2


def header(headers: list[tuple[str, str]], name: str) -> str:
    for k, v in headers:
        if k.lower() == name.lower():
            return v
    return ""


def cpu_ticks(pids: list[int]) -> int:
    """utime + stime of the processes (clock ticks), from /proc/<pid>/stat."""
    total = 0
    for pid in pids:
        with contextlib.suppress(FileNotFoundError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


CLK_TCK = os.sysconf("SC_CLK_TCK")


def machine() -> dict:
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    return {
        "uname": subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load": load(),
        "python": platform.python_version(),
    }


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def print_machine(m: dict) -> None:
    print(f"- Date: {m['date']}")
    print(f"- Machine: `{m['uname']}`; {m['nproc']} cores; {m['cpu']}; {m['ram_gb']} GB RAM")
    print(f"- Load average (1/5/15 min) at start: {m['load']}")


def strip_tags_count(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())
