"""Process starters for the reliability drills: the app server, the task worker, a private
PostgreSQL cluster and a private redis-server, each on a free loopback port.

Every starter is a context manager that stops only the processes it started (its own process
group), with bounded waits. Nothing here touches the machine's PostgreSQL or Redis. The
benchmarks' helpers (`bench/_reading.py`) supply free ports, the environment and HTTP.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench._reading import PY, ROOT, Server, base_env, free_port, get, log

GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SETTINGS = "tests.reliability.drill_settings"
PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), Path("/"))


def wait_until(what: str, ready, timeout: float = 30.0, every: float = 0.05):
    """Poll *ready* until it returns something truthy; fail after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError):
            if value := ready():
                return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not ready after {timeout:.0f} s")
        time.sleep(every)


def stop_group(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM our own process group, SIGKILL it after *grace* seconds."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(grace)


@dataclass
class Stack:
    """One network's files and settings: a var dir, a database, and how to reach them."""

    var_dir: Path
    database_url: str | None = None  # None: SQLite at var_dir/bench.sqlite3
    redis_url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def sqlite_path(self) -> Path:
        return self.var_dir / "bench.sqlite3"

    def env(self, **overrides: str) -> dict[str, str]:
        env = base_env(str(self.var_dir), self.database_url, self.redis_url)
        env.update(
            TASK_BACKEND="django_tasks_db.DatabaseBackend",
            DJANGO_SETTINGS_MODULE=SETTINGS,
            MEDIA_ROOT=str(self.var_dir / "media"),
            PRIVATE_ROOT=str(self.var_dir / "private"),
            PYTHONPATH=str(ROOT),
        )
        env.update(self.extra)
        env.update(overrides)
        return env

    def manage(self, *args: str, timeout: float = 300, **env: str) -> str:
        proc = subprocess.run(
            [PY, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if proc.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{proc.stderr[-3000:]}")
        return proc.stdout

    def python(self, code: str, timeout: float = 300) -> str:
        """Run *code* inside Django (manage.py shell -c) against this stack; its stdout."""
        return self.manage("shell", "-c", code, timeout=timeout)


@dataclass
class AppServer(Server):
    """gunicorn as deploy/gunicorn.conf.py configures it (one worker: the one a drill kills)."""

    def worker_pid(self) -> int:
        return wait_until("a gunicorn worker", lambda: next(iter(self.worker_pids()), None))

    def kill_worker(self, pid: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)

    def wait_replaced(self, old: int, timeout: float = 30) -> int:
        """The master forks a new worker after one dies; wait until it answers."""
        new = wait_until(
            "a new gunicorn worker",
            lambda: next((p for p in self.worker_pids() if p != old), None),
            timeout,
        )
        wait_until("the new worker", lambda: get(self.base + "/healthz")[0] == 200, timeout)
        return int(new)


@contextlib.contextmanager
def app_server(
    stack: Stack, *, workers: int = 1, threads: int = 1, **env: str
) -> Iterator[AppServer]:
    port = free_port()
    run_env = stack.env(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_THREADS=str(threads),
        GUNICORN_ACCESS_LOG=str(stack.var_dir / "access.log"),
        **env,
    )
    args = [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
    errors = open(stack.var_dir / "gunicorn.log", "ab")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(args, cwd=ROOT, env=run_env, start_new_session=True, stderr=errors)
    server = AppServer(f"http://127.0.0.1:{port}", proc)
    try:
        wait_until(
            "gunicorn",
            lambda: (
                proc.poll() is None
                and get(server.base + "/healthz")[0] == 200
                and len(server.worker_pids()) >= workers
            ),
            60,
        )
        yield server
    finally:
        stop_group(proc)
        errors.close()


@dataclass
class TaskWorker:
    """The task worker exactly as systemd starts it (deploy/worker), restartable after a kill."""

    stack: Stack
    env: dict[str, str]
    proc: subprocess.Popen | None = None

    def start(self) -> None:
        log_file = open(self.stack.var_dir / "worker.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [str(ROOT / "deploy" / "worker")],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
            stdout=log_file,
            stderr=log_file,
        )
        log_file.close()

    def kill(self) -> None:
        """kill -9 the worker (and anything it forked): no chance to clean up."""
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc, grace=20)


@contextlib.contextmanager
def task_worker(stack: Stack, **env: str) -> Iterator[TaskWorker]:
    worker = TaskWorker(stack, stack.env(**env))
    worker.start()
    try:
        yield worker
    finally:
        worker.stop()


@dataclass
class PrivatePostgres:
    """A PostgreSQL cluster of our own (initdb in a temporary directory, pg_ctl on a free port)."""

    data: Path
    port: int

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def pg_ctl(self, *args: str, timeout: float = 60) -> None:
        cmd = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", str(int(timeout)), *args]
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout + 10)

    def start(self) -> None:
        opts = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} "
            "-c fsync=on -c max_connections=50 -c shared_buffers=32MB"
        )
        self.pg_ctl("start", "-l", str(self.data / "server.log"), "-o", opts)

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.pg_ctl("stop", "-m", mode)

    def restart(self) -> None:
        self.stop()
        self.start()

    def create_database(self, name: str, template: str = "template1") -> str:
        createdb = [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)]
        subprocess.run([*createdb, "-U", "postgres", "-T", template, name], check=True, timeout=60)
        return self.url(name)


@contextlib.contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """Our own cluster, removed afterwards; the machine's PostgreSQL is never touched."""
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError("PostgreSQL's initdb is not installed")
    with tempfile.TemporaryDirectory(prefix="drill-pg-") as tmp:
        data = Path(tmp) / "data"
        init = [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
        subprocess.run([*init, "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        cluster = PrivatePostgres(data, free_port())
        cluster.start()
        try:
            yield cluster
        finally:
            cluster.stop("immediate")


@dataclass
class PrivateRedis:
    proc: subprocess.Popen
    port: int

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"


@contextlib.contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    """A redis-server of our own on a free port, without persistence."""
    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server is not installed")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="drill-redis-") as tmp:
        args = [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", tmp]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, start_new_session=True)
        try:
            with_ping = [shutil.which("redis-cli") or "redis-cli", "-p", str(port), "ping"]
            wait_until(
                "redis-server",
                lambda: (
                    subprocess.run(with_ping, capture_output=True, text=True).stdout.strip()
                    == "PONG"
                ),
                15,
                0.1,
            )
            yield PrivateRedis(proc, port)
        finally:
            stop_group(proc, grace=5)


__all__ = [
    "AppServer",
    "PrivatePostgres",
    "PrivateRedis",
    "Stack",
    "TaskWorker",
    "app_server",
    "log",
    "private_postgres",
    "private_redis",
    "task_worker",
    "wait_until",
]
