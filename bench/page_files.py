"""nginx serving stored pages as files, next to nginx's own ceiling: `bench/page_files [--pg]`.

Builds the demo network (20 blogs, 300 posts) in a scratch SQLite database (with --pg in a
scratch PostgreSQL database with Redis as the cache, the deploy/ layout), serves it with
gunicorn (deploy/gunicorn.conf.py's sizing) behind nginx configured from deploy/nginx/ (the
page-files maps and location, this run's ports and paths), and runs `wrk -t2 -c16 -d20s
--latency -H "Accept-Encoding: gzip"` against, in one run:

- the ceiling: the same post's stored .gz file served by nginx as a plain static file;
- a stored post as a page file (reading/cache/files.py): nginx alone;
- the same post from the page cache through the app (a reader whose Accept-Language nginx
  cannot map, so nginx hands it to gunicorn and the app's cache answers);
- the same post rendered in full (a query parameter the cache never stores).

CPU per request = the growth of utime + stime of nginx's and gunicorn's processes during the
run ÷ requests completed. wrk runs on the same machine and takes CPU from the servers.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reading as r
from throughput import wrk

ROOT = Path(__file__).resolve().parent.parent


def nginx_conf(work: Path, app_port: int, port: int, env: dict) -> Path:
    snippets = work / "snippets"
    snippets.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "deploy/nginx/chaikhana-page-files.conf", snippets)
    headers = r.manage(env, "page_files", "nginx")
    (snippets / "chaikhana-page-headers.conf").write_text(headers)
    app = (ROOT / "deploy/nginx/chaikhana-app.conf").read_text()
    app = app.replace("/srv/chaikhana/app/staticfiles/", f"{ROOT}/staticfiles/")
    app = app.replace("/srv/chaikhana/media/", f"{env['CHAIKHANA_VAR_DIR']}/media/")
    app = app.replace("/srv/chaikhana/var/page-files/", f"{env['PAGE_FILES_DIR']}/")
    app = app.replace("/etc/nginx/snippets/", f"{snippets}/")
    (snippets / "chaikhana-app.conf").write_text(app)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / "temp" / name).mkdir(parents=True, exist_ok=True)
    conf = work / "nginx.conf"
    user = "user root;" if os.getuid() == 0 else ""
    conf.write_text(f"""{user}
daemon off;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path {work}/temp/body;
    proxy_temp_path {work}/temp/proxy;
    fastcgi_temp_path {work}/temp/fastcgi;
    uwsgi_temp_path {work}/temp/uwsgi;
    scgi_temp_path {work}/temp/scgi;
    include {snippets}/chaikhana-page-files.conf;
    upstream chaikhana_app {{ server 127.0.0.1:{app_port}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        location = /ceiling.html {{ root {work}/ceiling; gzip_static on; }}
        include {snippets}/chaikhana-app.conf;
    }}
}}
""")
    return conf


@contextlib.contextmanager
def nginx(conf: Path, port: int) -> Iterator[subprocess.Popen]:
    prefix = str(conf.parent)
    subprocess.run(["nginx", "-t", "-q", "-p", prefix, "-c", str(conf)], check=True)
    proc = subprocess.Popen(["nginx", "-p", prefix, "-c", str(conf)], start_new_session=True)
    try:
        for _ in range(50):
            with contextlib.suppress(OSError):
                r.get(f"http://127.0.0.1:{port}/healthz")
                break
            time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        proc.wait(10)


def process_tree(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [pid, *(int(p) for p in out.stdout.split())]


def run(env: dict, label: str, duration: int, work: Path) -> None:
    env = {**env, "PAGE_FILES_DIR": str(work / "page-files")}
    post = r.pick_pages(env)["post"]
    workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * (os.cpu_count() or 1) + 1)
    with r.gunicorn(env, workers=workers, threads=4) as app:
        port = r.free_port()
        conf = nginx_conf(work, int(app.base.rsplit(":", 1)[1]), port, env)
        with nginx(conf, port) as web:
            base = f"http://127.0.0.1:{port}"
            for _ in range(3):
                r.get(base + post)
            _, headers, _ = r.get(base + post)
            if r.header(headers, "X-Page-Cache") != "file":
                raise SystemExit("the post was not served as a page file")
            stored = next((work / "page-files" / "current" / "pages").rglob("*.html.gz"))
            (work / "ceiling").mkdir(exist_ok=True)
            shutil.copy(stored, work / "ceiling" / "ceiling.html.gz")
            shutil.copy(str(stored)[:-3], work / "ceiling" / "ceiling.html")
            cases = [
                ("nginx static file (ceiling)", "/ceiling.html", {}),
                ("stored post, page file (nginx alone)", post, {}),
                ("stored post, app's page cache", post, {"Accept-Language": "de"}),
                ("post rendered in full", post + "?bench=1", {}),
            ]
            print(f"\n### {label}: nginx + gunicorn {workers} workers × 4 threads\n")
            table(base, cases, lambda: process_tree(web.pid) + app.pids(), duration, "ceiling")


def run_app_only(env: dict, label: str, duration: int, work: Path) -> None:
    """`make run`'s layout (bin/run): gunicorn alone, 2 workers × 4 threads, page files
    answered by the app's WSGI wrapper (reading/cache/serve.py) — issue 19's goal 2."""
    env = {**env, "PAGE_FILES_DIR": str(work / "page-files")}
    post = r.pick_pages(env)["post"]
    with r.gunicorn(env, workers=2, threads=4) as app:
        for _ in range(3):
            r.get(app.base + post)
        _, headers, _ = r.get(app.base + post)
        if r.header(headers, "X-Page-Cache") != "file":
            raise SystemExit("the post was not served as a page file")
        cases = [
            ("stored post, app's page cache (every hit before)", post, {"Accept-Language": "de"}),
            ("stored post, page file answered by the app", post, {}),
            ("post rendered in full", post + "?bench=1", {}),
        ]
        print(f"\n### {label}: `make run`'s gunicorn alone, 2 workers × 4 threads\n")
        table(app.base, cases, app.pids, duration, "page cache")


def table(base: str, cases: list, pids_now, duration: int, first: str) -> None:
    """One wrk run per case; the last column compares each with the first case."""
    print(f"| what | req/s | p50 ms | p99 ms | CPU ms/request | × {first} |")
    print("| --- | --: | --: | --: | --: | --: |")
    reference = None
    for name, path, extra in cases:
        for _ in range(3):
            r.get(base + path, extra)
        pids = pids_now()
        t0 = r.cpu_ticks(pids)
        headers = {"Accept-Encoding": "gzip", **extra}
        res = wrk(base + path, duration, [f"-H{k}: {v}" for k, v in headers.items()])
        cpu = (r.cpu_ticks(pids) - t0) * 1000 / r.CLK_TCK / max(res["requests"], 1)
        reference = reference or res["rps"]
        print(
            f"| {name} | {res['rps']:,.0f} | {res['p50']:.2f} | {res['p99']:.2f} | "
            f"{cpu:.3f} | {res['rps'] / reference:.2f} |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg", action="store_true", help="PostgreSQL + Redis (the deploy/ layout)")
    ap.add_argument("--duration", type=int, default=20)
    ap.add_argument("--app-only", action="store_true", help="`make run`'s layout: no nginx")
    args = ap.parse_args()
    print("## Reading: page files through nginx (`bench/page_files`)\n")
    r.print_machine(r.machine())
    with r.scratch_dir("chaikhana-pagefiles-") as var:
        work = Path(var)
        os.chmod(work, 0o755)  # noqa: S103  # nginx workers read the page files
        if args.pg:
            redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
            with r.postgres_db(f"bench_pagefiles_{os.getpid()}") as db:
                env = r.base_env(var, db, redis)
                r.load_network(env, 20, 300)
                run(env, f"PostgreSQL, Redis ({redis})", args.duration, work)
        else:
            env = r.base_env(var)
            r.load_network(env, 20, 300)
            measure = run_app_only if args.app_only else run
            measure(env, "SQLite, file cache", args.duration, work)


if __name__ == "__main__":
    main()
