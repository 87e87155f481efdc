"""Capacity, soak and slow clients (issue 20, drills 6–8), one harness in three modes:

    bench/capacity [--layout dev|prod|both] [--step S]   highest mixed load with p99 < 500 ms
    bench/soak --minutes N --rate R [--layout prod]       N minutes of the mix at R operations/s
    bench/slowclients                                    slowloris + 1,000 idle connections

Layouts, each on free loopback ports, each with the demo network `make run` loads (bin/run):
- dev: what `make run` starts (bin/run): gunicorn 2 workers × 4 threads on SQLite, the
  database task worker (db_worker), the file cache; readers talk to gunicorn directly;
- prod: nginx (deploy/nginx/*.conf with this run's ports, a throwaway certificate, as
  tests/deploy/smoke.sh adapts them) → gunicorn -c deploy/gunicorn.conf.py (2 × 4) → a fresh
  PostgreSQL database, its own redis-server, the RQ worker (deploy/worker); readers use TLS.

The mix, in operations (a write is two requests: the form, then the POST, as a browser does):
95 % reads across the page types and feeds (READS), 5 % writes (WRITES): a signed-in member
publishes a post, comments, uploads a photo; a stranger registers. Sessions are minted with
Django's test client in a manage.py shell (as bench/lighthouse does), then used over HTTP.
The load is open-loop: operations start on a fixed schedule, and latency counts from the
scheduled start, so a server that falls behind shows it in p99 (no coordinated omission).
The load generator runs on the same 2 cores as the servers: its figures are floors.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import json
import os
import queue
import random
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reading as r

HOST = "chaikhana.test"
P99_LIMIT_MS = 500.0

# Weights in operations. Reads add up to 95, writes to 5.
READS = {
    "post": 36,
    "portal front": 10,
    "blog home": 12,
    "blog home page 2": 4,
    "month archive": 6,
    "directory": 3,
    "blog RSS": 8,
    "blog Atom": 3,
    "network RSS": 3,
    "post comments feed": 2,
    "search": 4,
    "courses": 2,
    "health": 2,
}
WRITES = {"comment": 2.0, "post (publish)": 1.5, "registration": 1.0, "upload": 0.5}


# -- the layouts ---------------------------------------------------------------------------


@dataclass
class Layout:
    name: str
    port: int
    tls: ssl.SSLContext | None
    host: str
    env: dict
    app: r.Server  # the gunicorn master (workers are its children)
    db: str = ""  # PostgreSQL database name, if any
    describe: str = ""
    extra: dict = field(default_factory=dict)


def load_demo(env: dict) -> None:
    """The data bin/run (make run) loads before serving."""
    r.manage(env, "migrate", "--noinput", "-v", "0")
    r.manage(env, "collectstatic", "--noinput", "-v", "0")
    r.manage(env, "demo", "--if-empty", "--blogs", "20", "--posts", "300")
    for command in ("demo_media", "demo_courses", "demo_portal", "demo_comments"):
        r.manage(env, command, "--if-needed" if command == "demo_media" else "--if-empty")
    r.manage(env, "reindex_search", "--if-empty")
    r.manage(env, "seed_spam_filter")


@contextlib.contextmanager
def background(args: list[str], env: dict, log_path: str) -> Iterator[subprocess.Popen]:
    with open(log_path, "ab") as out:
        proc = subprocess.Popen(
            args, cwd=r.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def wait_healthy(probe: Callable[[], int], proc: subprocess.Popen, what: str, limit=90) -> None:
    deadline = time.monotonic() + limit
    while True:
        with contextlib.suppress(OSError, http.client.HTTPException):
            if probe() == 200:
                return
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.3)


@contextlib.contextmanager
def dev_layout(tmp: str) -> Iterator[Layout]:
    env = r.base_env(tmp)
    env.pop("TASK_BACKEND")  # make run: the database task backend and its db_worker
    load_demo(env)
    port = r.free_port()
    gunicorn = [r.GUNICORN, "chaikhana.wsgi", "--bind", f"127.0.0.1:{port}"]
    gunicorn += ["--workers", "2", "--threads", "4", "--log-level", "warning"]
    gunicorn += ["--access-logfile", f"{tmp}/gunicorn.access.log", "--access-logformat"]
    gunicorn += ['%(t)s "%(m)s %(U)s" %(s)s %(B)s %(D)s']  # as bin/run
    with (
        background(
            [r.PY, "manage.py", "db_worker", "--interval", "1"], env, f"{tmp}/worker.log"
        ) as worker,
        background(gunicorn, env, f"{tmp}/gunicorn.log") as app,
    ):
        server = r.Server(f"http://127.0.0.1:{port}", app)
        wait_healthy(lambda: r.get(server.base + "/healthz")[0], app, "gunicorn")
        yield Layout(
            "dev",
            port,
            None,
            f"127.0.0.1:{port}",
            env,
            server,
            describe="`make run` (bin/run): gunicorn 2 workers × 4 threads, SQLite, file cache, "
            "db_worker; no nginx",
            extra={"worker": worker, "access_log": f"{tmp}/gunicorn.access.log"},
        )


NGINX_MAIN = """
daemon off;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes auto;
pid {n}/nginx.pid;
error_log {n}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {n}/temp/body;
    proxy_temp_path {n}/temp/proxy;
    fastcgi_temp_path {n}/temp/fastcgi;
    uwsgi_temp_path {n}/temp/uwsgi;
    scgi_temp_path {n}/temp/scgi;
    include {n}/chaikhana.conf;
}}
"""


def nginx_confs(n: Path, ports: dict[str, int], media: str, page_files: str, env: dict) -> None:
    """deploy/nginx as shipped, with this run's ports, paths and names (as smoke.sh does)."""
    deploy = r.ROOT / "deploy" / "nginx"
    site = (deploy / "chaikhana.conf").read_text()
    for old, new in (
        ("server 127.0.0.1:8000 ", f"server 127.0.0.1:{ports['app']} "),
        ("listen 80;", f"listen 127.0.0.1:{ports['http']};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{ports['https']} ssl http2;"),
        ("listen 127.0.0.1:8081;", f"listen 127.0.0.1:{ports['onion']};"),
        ("chaikhana.example;", f"{HOST};"),
        ("/etc/letsencrypt/live/chaikhana.example/fullchain.pem", f"{n}/cert.pem"),
        ("/etc/letsencrypt/live/chaikhana.example/privkey.pem", f"{n}/key.pem"),
        ("/var/log/nginx/chaikhana.access.log", f"{n}/access.log"),
        ("/var/www/html", f"{n}/acme"),
        ("/etc/nginx/snippets/", f"{n}/snippets/"),
    ):
        site = site.replace(old, new)
    site = re.sub(r"^\s*listen \[::\].*\n", "", site, flags=re.M)
    site = re.sub(r"[a-z2-7]{56}\.onion;", "onion.invalid;", site)
    (n / "chaikhana.conf").write_text(site)
    app = (deploy / "chaikhana-app.conf").read_text()
    for old, new in (
        ("/srv/chaikhana/app/staticfiles/", f"{r.ROOT}/staticfiles/"),
        ("/srv/chaikhana/media/", f"{media}/"),
        ("/srv/chaikhana/var/page-files/", f"{page_files}/"),
        ("/etc/nginx/snippets/", f"{n}/snippets/"),
    ):
        app = app.replace(old, new)
    (n / "snippets").mkdir(parents=True, exist_ok=True)
    (n / "temp").mkdir(exist_ok=True)
    (n / "snippets" / "chaikhana-app.conf").write_text(app)
    shutil.copy(deploy / "chaikhana-page-files.conf", n / "snippets")
    (n / "snippets" / "chaikhana-page-headers.conf").write_text(
        r.manage(env, "page_files", "nginx")
    )
    main = NGINX_MAIN.format(n=n)
    if os.getuid() == 0:
        main = "user root;\n" + main  # the harness only: workers read the checkout
    (n / "nginx.conf").write_text(main)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}", "-keyout", f"{n}/key.pem",
         "-out", f"{n}/cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip


@contextlib.contextmanager
def prod_layout(tmp: str, db_name: str) -> Iterator[Layout]:
    ports = {k: r.free_port() for k in ("app", "http", "https", "onion", "redis")}
    redis = ["redis-server", "--bind", "127.0.0.1", "--port", str(ports["redis"]), "--save", ""]
    redis += ["--appendonly", "no", "--dir", tmp]
    with (
        r.postgres_db(db_name) as database_url,
        background(redis, dict(os.environ), f"{tmp}/redis.log"),
    ):
        env = r.base_env(tmp, database_url, f"redis://127.0.0.1:{ports['redis']}/0")
        origin = f"https://{HOST}:{ports['https']}"
        env.update(
            DEBUG="off",
            SECRET_KEY="bench-" + secrets.token_hex(24),
            ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            SITE_URL=origin,
            CSRF_TRUSTED_ORIGINS=origin,
            BEHIND_TLS_PROXY="on",
            SECURE_COOKIES="on",
            SECURE_SSL_REDIRECT="on",
            TASK_BACKEND="django_tasks_rq.RQBackend",
            SERVE_MEDIA="off",
            MEDIA_ROOT=f"{tmp}/media",
            PAGE_FILES_DIR=f"{tmp}/var/page-files",
            LOG_FORMAT="json",
            GUNICORN_WORKERS="2",
            GUNICORN_THREADS="4",
            GUNICORN_BIND=f"127.0.0.1:{ports['app']}",
            GUNICORN_ACCESS_LOG=f"{tmp}/gunicorn.access.log",
        )
        os.makedirs(f"{tmp}/media", exist_ok=True)
        for _ in range(50):
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", ports["redis"])),
            ):
                break
            time.sleep(0.1)
        load_demo(env)
        n = Path(tmp) / "nginx"
        n.mkdir()
        nginx_confs(n, ports, f"{tmp}/media", f"{tmp}/var/page-files", env)
        nginx = ["nginx", "-p", str(n), "-c", f"{n}/nginx.conf", "-e", f"{n}/error.log"]
        subprocess.run([*nginx, "-t", "-q"], check=True)
        gunicorn = [r.GUNICORN, "-c", "deploy/gunicorn.conf.py"]
        with (
            background(gunicorn, env, f"{tmp}/gunicorn.log") as app,
            background([str(r.ROOT / "deploy" / "worker")], env, f"{tmp}/worker.log") as worker,
            background(nginx, env, f"{tmp}/nginx.log") as front,
        ):
            tls = ssl.create_default_context(cafile=f"{n}/cert.pem")
            tls.check_hostname = False  # the certificate names chaikhana.test; we dial 127.0.0.1
            server = r.Server(f"http://127.0.0.1:{ports['app']}", app)
            wait_healthy(lambda: r.get(server.base + "/healthz")[0], app, "gunicorn")
            layout = Layout(
                "prod",
                ports["https"],
                tls,
                f"{HOST}:{ports['https']}",
                env,
                server,
                db=db_name,
                describe="nginx (TLS, deploy/nginx) → gunicorn -c deploy/gunicorn.conf.py "
                "(2 workers × 4 threads) → PostgreSQL + Redis, RQ worker",
                extra={
                    "nginx": front,
                    "nginx_dir": n,
                    "worker": worker,
                    "access_log": f"{tmp}/gunicorn.access.log",
                },
            )
            wait_healthy(lambda: Browser(layout).get("/healthz")[0], front, "nginx")
            yield layout


# -- the client ----------------------------------------------------------------------------


class Browser:
    """One visitor: a keep-alive connection, a cookie jar, the layout's scheme and Host."""

    def __init__(self, layout: Layout, cookies: dict[str, str] | None = None) -> None:
        self.layout = layout
        self.cookies = dict(cookies or {})
        self.conn: http.client.HTTPConnection | None = None
        self.page_cache = ""

    @property
    def origin(self) -> str:
        return ("https://" if self.layout.tls else "http://") + self.layout.host

    def _connect(self) -> http.client.HTTPConnection:
        if self.layout.tls:
            return http.client.HTTPSConnection(
                "127.0.0.1", self.layout.port, timeout=60, context=self.layout.tls
            )
        return http.client.HTTPConnection("127.0.0.1", self.layout.port, timeout=60)

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict | None = None
    ) -> tuple[int, str]:
        sent = {"Host": self.layout.host, "Accept-Encoding": "gzip", "User-Agent": "bench"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        for attempt in (0, 1):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = self._connect()
            try:
                self.conn.request(method, path, body=body or None, headers=sent)
                resp = self.conn.getresponse()
                data = resp.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if not reused or attempt:  # a stale keep-alive connection: retry once
                    raise
            except Exception:
                self.close()
                raise
        if resp.will_close:
            self.close()
        for line in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = line.partition("=")
            value = rest.split(";", 1)[0]
            if value and "max-age=0" not in line.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        self.page_cache = resp.headers.get("X-Page-Cache", "")
        text = ""
        if resp.headers.get("Content-Type", "").startswith("text/html"):
            if resp.headers.get("Content-Encoding") == "gzip":
                import gzip

                data = gzip.decompress(data)
            text = data.decode("utf-8", "replace")
        return resp.status, text

    def get(self, path: str) -> tuple[int, str]:
        return self.request("GET", path)

    def post(self, path: str, fields: dict, files: dict | None = None) -> tuple[int, str]:
        headers = {"Referer": self.origin + path, "Origin": self.origin}
        if files:
            boundary = uuid.uuid4().hex
            out = io.BytesIO()
            for k, v in fields.items():
                out.write(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode()
                )
                out.write(f"{v}\r\n".encode())
            for k, (filename, content, kind) in files.items():
                out.write(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; '
                    f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
                )
                out.write(content + b"\r\n")
            out.write(f"--{boundary}--\r\n".encode())
            body = out.getvalue()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, body, headers)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def form_fields(page: str, marker: str) -> dict[str, str]:
    """The default values of the first POST form whose opening tag contains *marker*."""
    import html

    for form in re.findall(r"<form\b[^>]*method=\"post\"[^>]*>.*?</form>", page, re.S | re.I):
        if marker not in form[: form.index(">")]:
            continue
        fields: dict[str, str] = {}
        for tag in re.findall(r"<input\b[^>]*>", form, re.I):
            name = re.search(r'name="([^"]+)"', tag)
            kind = (re.search(r'type="([^"]+)"', tag) or [None, "text"])[1]
            if not name or kind in ("submit", "button", "file"):
                continue
            if kind in ("checkbox", "radio") and "checked" not in tag:
                continue
            value = re.search(r'value="([^"]*)"', tag)
            fields[name[1]] = html.unescape(value[1]) if value else ""
        for name, value in re.findall(
            r'<textarea\b[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S | re.I
        ):
            fields[name] = html.unescape(value)
        for name, options in re.findall(
            r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S | re.I
        ):
            chosen = re.search(r'<option\b[^>]*value="([^"]*)"[^>]*\bselected\b', options)
            values = re.findall(r'<option\b[^>]*value="([^"]*)"', options)
            if chosen or values:
                fields[name] = html.unescape(chosen[1] if chosen else values[0])
        return fields
    raise LookupError(f"no POST form with {marker!r}")


SITE = r"""
import json, random
from django.test import Client
from django.utils import timezone
from chaikhana.blogs.models import Blog, Membership, Post
random.seed(20)
pub = Post.objects.filter(status="published", kind="post", published_at__lte=timezone.now(),
                          blog__is_active=True, blog__visibility="public").select_related("blog")
posts = [p.get_absolute_url() for p in pub.order_by("?")[:3000]]
blogs = list(Blog.objects.filter(is_active=True, visibility="public", is_editorial=False))
paged = [b.name for b in blogs if pub.filter(blog=b).count() > b.posts_per_page]
months = []
for b in blogs:
    last = pub.filter(blog=b).order_by("-published_at").first()
    if last:
        when = timezone.localtime(last.published_at)
        months.append(f"/@{b.name}/{when.year}/{when.month}/")
words = [w for p in pub.order_by("?")[:200] for w in p.title.split() if len(w) >= 5 and w.isalpha()]
writers = []
for m in (Membership.objects.filter(role="owner", blog__is_editorial=False, blog__is_active=True)
          .select_related("user", "blog").order_by("blog_id")[:8]):
    c = Client()
    c.force_login(m.user)
    writers.append({"session": c.cookies["sessionid"].value, "blog": m.blog.name})
print(json.dumps({"posts": posts, "blogs": [b.name for b in blogs], "months": months,
                  "words": words[:100], "writers": writers,
                  "paged": paged}))
"""


@dataclass
class Site:
    posts: list[str]
    blogs: list[str]
    months: list[str]
    words: list[str]
    writers: list[dict]
    paged: list[str]
    photo: bytes


def site_of(layout: Layout) -> Site:
    data = json.loads(r.shell(layout.env, SITE).strip().splitlines()[-1])
    from PIL import Image

    picture = io.BytesIO()
    Image.effect_noise((640, 480), 60).convert("RGB").save(picture, "JPEG", quality=80)
    return Site(**data, photo=picture.getvalue())


# -- the operations ------------------------------------------------------------------------


def read_path(kind: str, site: Site, rnd: random.Random) -> str:
    blog = rnd.choice(site.blogs)
    post = rnd.choice(site.posts)
    return {
        "post": post,
        "portal front": "/",
        "blog home": f"/@{blog}/",
        "blog home page 2": f"/@{rnd.choice(site.paged)}/?page=2",
        "month archive": rnd.choice(site.months),
        "directory": "/blogs/",
        "blog RSS": f"/@{blog}/feed/",
        "blog Atom": f"/@{blog}/feed/atom/",
        "network RSS": "/feed/",
        "post comments feed": post + "comments/feed/",
        "search": "/search/?" + urlencode({"q": rnd.choice(site.words)}),
        "courses": "/courses/",
        "health": "/healthz",
    }[kind]


class Failure(Exception):
    pass


def expect(status: int, wanted: tuple[int, ...], what: str, page: str = "") -> None:
    if status not in wanted:
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
        detail = re.sub(r"<[^>]+>", " ", " ".join(errors))[:160]
        raise Failure(f"{what}: {status} {detail}".strip())


def write(kind: str, browser: Browser, site: Site, rnd: random.Random, note: Callable) -> None:
    """One write as a browser does it: the page with the form, then the POST."""
    word = uuid.uuid4().hex[:10]
    if kind == "registration":
        status, page = browser.get("/accounts/signup/")
        note(status)
        expect(status, (200,), "signup form")
        fields = form_fields(page, "")
        secret = secrets.token_urlsafe(12)  # unlike the username (the validators compare)
        fields.update(username=f"load{word}", password=secret, email="")
        fields["password_confirm"] = fields["password"]
        status, page = browser.post("/accounts/signup/", fields)
        expect(status, (302,), "signup", page)
    elif kind == "comment":
        post = rnd.choice(site.posts)
        status, page = browser.get(post)
        note(status)
        expect(status, (200,), "post page")
        fields = form_fields(page, "comments/")
        fields.update(body=f"A comment from the load test, {word}.")
        status, page = browser.post(post + "comments/", fields)
        expect(status, (302,), "comment", page)
    elif kind == "post (publish)":
        blog = browser.extra_blog  # type: ignore[attr-defined]
        status, page = browser.get(f"/dashboard/@{blog}/posts/new/")
        note(status)
        expect(status, (200,), "editor")
        fields = form_fields(page, 'id="editor"')
        fields.update(
            title=f"Load test {word}",
            body_source=f"Written under load: {word}. " * 20,
            status="published",
            save="1",
        )
        fields.pop("preview", None)
        status, page = browser.post(f"/dashboard/@{blog}/posts/new/", fields)
        expect(status, (302,), "editor POST", page)
    elif kind == "upload":
        blog = browser.extra_blog  # type: ignore[attr-defined]
        status, page = browser.get(f"/dashboard/@{blog}/media/")
        note(status)
        expect(status, (200,), "library")
        fields = form_fields(page, "upload/")
        fields.update(alt=f"Noise {word}", caption="")
        files = {"file": (f"noise-{word}.jpg", site.photo, "image/jpeg")}
        status, page = browser.post(f"/dashboard/@{blog}/media/upload/", fields, files)
        expect(status, (302,), "upload", page)
    note(status)


# -- the load ------------------------------------------------------------------------------


@dataclass
class Sample:
    done: float  # monotonic time the request finished
    kind: str
    ms: float
    ok: bool
    file_hit: bool = False


class Load:
    """Operations on a fixed schedule, on pools of visitors; every request's result kept."""

    def __init__(self, layout: Layout, site: Site, rate: float, seed: int = 1) -> None:
        self.layout, self.site, self.rate = layout, site, rate
        self.samples: list[Sample] = []
        self.errors: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.rnd = random.Random(seed)
        self.reads: queue.Queue = queue.Queue()
        self.writes: queue.Queue = queue.Queue()
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []

    def record(self, sample: Sample, error: str = "") -> None:
        with self.lock:
            self.samples.append(sample)
            if error:
                self.errors[error[:200]] += 1

    def reader(self) -> None:
        browser = Browser(self.layout)
        rnd = random.Random()
        while True:
            job = self.reads.get()
            if job is None:
                return
            start, kind = job
            path = read_path(kind, self.site, rnd)
            error = ""
            try:
                status, _ = browser.get(path)
                if status != 200:
                    error = f"{kind} {path}: {status}"
            except Exception as exc:
                error = f"{kind}: {type(exc).__name__} {exc}"
            now = time.monotonic()
            hit = browser.page_cache == "file"
            self.record(Sample(now, kind, (now - start) * 1000, not error, hit), error)

    def writer(self, index: int) -> None:
        members = self.site.writers
        rnd = random.Random()
        while True:
            job = self.writes.get()
            if job is None:
                return
            start, kind = job
            if kind == "registration":
                browser = Browser(self.layout)
            else:
                member = members[rnd.randrange(len(members))]
                browser = Browser(self.layout, {"sessionid": member["session"]})
                browser.extra_blog = member["blog"]  # type: ignore[attr-defined]
            t = [start]

            def note(status: int, kind: str = kind, t: list = t) -> None:
                now = time.monotonic()
                self.record(Sample(now, kind, (now - t[0]) * 1000, status < 500))
                t[0] = now

            try:
                write(kind, browser, self.site, rnd, note)
            except Exception as exc:
                now = time.monotonic()
                self.record(Sample(now, kind, (now - t[0]) * 1000, False), f"{kind}: {exc}")
            finally:
                browser.close()

    def start(self, readers: int = 96, writers: int = 16) -> None:
        for _ in range(readers):
            self.threads.append(threading.Thread(target=self.reader, daemon=True))
        for i in range(writers):
            self.threads.append(threading.Thread(target=self.writer, args=(i,), daemon=True))
        for t in self.threads:
            t.start()
        self.scheduler = threading.Thread(target=self.schedule, daemon=True)
        self.scheduler.start()

    def schedule(self) -> None:
        kinds = list(READS) + list(WRITES)
        weights = list(READS.values()) + list(WRITES.values())
        t0 = time.monotonic()
        i = 0
        while not self.stop.is_set():
            due = t0 + i / self.rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            kind = self.rnd.choices(kinds, weights)[0]
            (self.writes if kind in WRITES else self.reads).put((due, kind))
            i += 1

    def set_rate(self, rate: float) -> None:
        self.rate = rate

    def finish(self) -> None:
        self.stop.set()
        self.scheduler.join()
        for _ in self.threads:
            self.reads.put(None)
            self.writes.put(None)
        for t in self.threads:
            t.join(90)

    def window(self, since: float, until: float) -> list[Sample]:
        with self.lock:
            return [s for s in self.samples if since <= s.done < until]


def by_kind(samples: list[Sample]) -> str:
    """p99 and errors per kind of operation (a write's form and POST both count)."""
    kinds: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        kinds[s.kind].append(s)
    rows = []
    for kind, got in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        ms = sorted(s.ms for s in got)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        bad = sum(not s.ok for s in got)
        rows.append(f"{kind} {len(got)} req, p50 {ms[len(ms) // 2]:.0f}, p99 {p99:.0f} ms"
                    + (f", {bad} errors" if bad else ""))  # fmt: skip
    return "; ".join(rows)


def summary(samples: list[Sample], seconds: float) -> dict:
    ms = sorted(s.ms for s in samples)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(len(ms) * p))] if ms else float("nan")

    reads = [s for s in samples if s.kind in READS]
    return {
        "requests": len(samples),
        "rps": len(samples) / seconds,
        "p50": pct(0.50),
        "p99": pct(0.99),
        "max": ms[-1] if ms else float("nan"),
        "errors": sum(not s.ok for s in samples),
        "writes": sum(s.kind in WRITES for s in samples),
        "file_hits": sum(s.file_hit for s in reads) / max(len(reads), 1),
    }


# -- process figures -----------------------------------------------------------------------


def open_files(pid: int) -> int:
    with contextlib.suppress(OSError):
        return len(os.listdir(f"/proc/{pid}/fd"))
    return 0


def db_connections(layout: Layout) -> int:
    if not layout.db:
        return 0
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAq", "-c",
         f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{layout.db}'"],  # noqa: S608
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    return int(out.strip() or 0)


def server_pids(layout: Layout) -> list[int]:
    """gunicorn's master and workers, the task worker, nginx's, PostgreSQL's backends for
    our database (CPU is counted over all of them; 100 % = one core)."""
    pids = layout.app.pids()
    for proc in [layout.extra.get("nginx"), layout.extra.get("worker")]:
        if proc is not None:
            out = subprocess.run(
                ["ps", "-o", "pid=", "--ppid", str(proc.pid)], capture_output=True, text=True
            ).stdout
            pids += [proc.pid, *(int(p) for p in out.split())]
    if layout.db:
        out = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAq", "-c",
             f"SELECT pid FROM pg_stat_activity WHERE datname = '{layout.db}'"],  # noqa: S608
            capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip
        pids += [int(p) for p in out.split()]
    return pids


def slowest(layout: Layout, n: int = 8) -> str:
    """The app's own time for its slowest requests (gunicorn's %(D)s, µs)."""
    got = []
    with contextlib.suppress(OSError), open(layout.extra["access_log"]) as log:
        for line in log:
            m = re.search(r'"(\w+) ([^"]*)" (\d+) \S+ (\d+)$', line.strip())
            if m:
                got.append((int(m[4]) / 1000, f"{m[1]} {m[2]} {m[3]}"))
    got.sort(reverse=True)
    return ", ".join(f"{what} {ms:.0f} ms" for ms, what in got[:n])


def figures(layout: Layout) -> dict:
    workers = layout.app.worker_pids()
    return {
        "rss": [round(r.rss_mb(p), 1) for p in workers],
        "fds": [open_files(p) for p in workers],
        "db": db_connections(layout),
        "load": r.load(),
    }


# -- the modes -----------------------------------------------------------------------------


@contextlib.contextmanager
def a_layout(name: str) -> Iterator[Layout]:
    with r.scratch_dir(f"chaikhana-{name}-") as tmp:
        os.chmod(tmp, 0o755)  # noqa: S103 - nginx's workers read the media and page files
        if name == "dev":
            with dev_layout(tmp) as layout:
                yield layout
        else:
            with prod_layout(tmp, f"chaikhana_capacity_{os.getpid()}") as layout:
                yield layout


def capacity(layout: Layout, step: int, start: float, factor: float) -> dict:
    site = site_of(layout)
    rate = start
    load = Load(layout, site, rate)
    load.start()
    best, first_bad, rows = None, None, []
    time.sleep(20)  # warm-up at the first rate, not counted: imports, connections, caches
    print(f"\n### {layout.name}: {layout.describe}\n")
    print(f"Steps of {step} s (the first 5 s of each not counted), open-loop.\n")
    print("| operations/s asked | requests/s served | p50 ms | p99 ms | max ms | errors | "
          "nginx page-file hits (reads) | server CPU | load generator CPU | load avg | "
          "verdict |")  # fmt: skip
    print("| --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- |")
    while True:
        load.set_rate(rate)
        t0 = time.monotonic()
        app_pids = server_pids(layout)
        app0, own0 = r.cpu_ticks(app_pids), sum(os.times()[:2])
        time.sleep(step)
        app_cpu = (r.cpu_ticks(app_pids) - app0) / r.CLK_TCK / step
        own_cpu = (sum(os.times()[:2]) - own0) / step
        s = summary(load.window(t0 + 5, t0 + step), step - 5)
        ok = s["errors"] == 0 and s["p99"] < P99_LIMIT_MS
        verdict = "holds" if ok else "**fails**"
        print(
            f"| {rate:.0f} | {s['rps']:.1f} | {s['p50']:.0f} | {s['p99']:.0f} | {s['max']:.0f} "
            f"| {s['errors']} | {s['file_hits']:.0%} | {app_cpu:.0%} | {own_cpu:.0%} | "
            f"{r.load()} | {verdict} |",
            flush=True,
        )
        r.log(f"  {layout.name} {rate:.0f} ops/s: {s['rps']:.1f} req/s p99 {s['p99']:.0f} ms "
              f"errors {s['errors']}")  # fmt: skip
        rows.append((rate, s, load.window(t0 + 5, t0 + step)))
        if ok:
            best = (rate, s)
            rate *= factor
        else:
            first_bad = (rate, s)
            break
    load.finish()
    if load.errors:
        print("\nErrors seen: " + "; ".join(f"{n} × {e}" for e, n in load.errors.most_common(8)))
    fig = figures(layout)
    print(f"\nWorker RSS after: {fig['rss']} MB; open files {fig['fds']}; load {fig['load']}.")
    print(f"\nThe slowest requests in gunicorn's access log: {slowest(layout)}.")
    for rate_, _s, samples in rows[-2:]:
        print(f"\nBy kind at {rate_:.0f} operations/s: {by_kind(samples)}.")
    if best:
        print(
            f"\n**{layout.name}: sustains {best[0]:.0f} operations/s = {best[1]['rps']:.0f} "
            f"requests/s** of the mix with p99 {best[1]['p99']:.0f} ms and no error; "
            f"{first_bad[0]:.0f} operations/s fails (p99 {first_bad[1]['p99']:.0f} ms, "
            f"{first_bad[1]['errors']} errors)."
        )
    return {"best": best, "first_bad": first_bad}


def soak(layout: Layout, minutes: float, rate: float, every: int) -> None:
    site = site_of(layout)
    load = Load(layout, site, rate)
    print(f"\n### soak, {layout.name}: {layout.describe}\n")
    print(f"{minutes:g} minutes at {rate:g} operations/s of the mix; a row every {every} s.\n")
    print("| minute | requests/s | p50 ms | p99 ms | errors | worker RSS MB | worker open files "
          "| DB connections | load avg |")  # fmt: skip
    print("| --: | --: | --: | --: | --: | --- | --- | --: | --- |")
    load.start()
    t_start = time.monotonic()
    rows = []
    end = t_start + minutes * 60
    while time.monotonic() < end:
        t0 = time.monotonic()
        time.sleep(min(every, max(end - t0, 1)))
        t1 = time.monotonic()
        s = summary(load.window(t0, t1), t1 - t0)
        fig = figures(layout)
        rows.append((s, fig))
        print(
            f"| {(t1 - t_start) / 60:.1f} | {s['rps']:.1f} | {s['p50']:.0f} | {s['p99']:.0f} | "
            f"{s['errors']} | {fig['rss']} | {fig['fds']} | {fig['db']} | {fig['load']} |",
            flush=True,
        )
    load.finish()
    total = summary(load.samples, minutes * 60)
    warm = rows[min(2, len(rows) - 1)][1]  # after the first minutes: imports, caches warm
    last = rows[-1][1]
    growth = [b / a - 1 for a, b in zip(warm["rss"], last["rss"], strict=False) if a]
    p99s = [s["p99"] for s, _ in rows]
    print(
        f"\nTotal: {total['requests']} requests, {total['errors']} errors, p50 "
        f"{total['p50']:.0f} ms, p99 {total['p99']:.0f} ms; per-row p99 from {min(p99s):.0f} to "
        f"{max(p99s):.0f} ms. Worker RSS {warm['rss']} → {last['rss']} MB "
        f"({', '.join(f'{g:+.1%}' for g in growth)}); open files {warm['fds']} → {last['fds']}; "
        f"DB connections {warm['db']} → {last['db']}."
    )
    if load.errors:
        print("\nErrors seen: " + "; ".join(f"{n} × {e}" for e, n in load.errors.most_common(8)))
    print(
        "\n| target | result | verdict |\n| --- | --- | --- |\n"
        f"| no error | {total['errors']} | {'met' if not total['errors'] else '**NOT met**'} |\n"
        f"| worker memory flat (within 10 %) | {', '.join(f'{g:+.1%}' for g in growth)} | "
        f"{'met' if all(abs(g) <= 0.10 for g in growth) else '**NOT met**'} |\n"
        f"| no growth in open files | {warm['fds']} → {last['fds']} | "
        f"{'met' if sum(last['fds']) <= sum(warm['fds']) + 2 else '**NOT met**'} |\n"
        f"| no growth in DB connections | {warm['db']} → {last['db']} | "
        f"{'met' if last['db'] <= warm['db'] + 1 else '**NOT met**'} |"
    )


# -- drill 6: slow and hostile clients ------------------------------------------------------


def hostile(layout: Layout, idle: int, slow: int, seconds: int, rate: float) -> None:
    site = site_of(layout)
    addr = ("127.0.0.1", layout.port)
    print(f"\n### slow clients, {layout.name}: {layout.describe}\n")
    fig = figures(layout)
    print(f"Before: worker RSS {fig['rss']} MB, load {fig['load']}.\n")

    def reader_phase(label: str) -> dict:
        load = Load(layout, site, rate, seed=6)
        load.start(readers=32, writers=4)
        t0 = time.monotonic()
        time.sleep(seconds)
        s = summary(load.window(t0 + 3, time.monotonic()), seconds - 3)
        load.finish()
        print(
            f"| {label} | {s['rps']:.1f} | {s['p50']:.0f} | {s['p99']:.0f} | {s['max']:.0f} | "
            f"{s['errors']} | {r.load()} |",
            flush=True,
        )
        return s

    print("| phase (readers at " + f"{rate:g} operations/s of the mix)"
          " | requests/s | p50 ms | p99 ms | max ms | errors | load avg |")  # fmt: skip
    print("| --- | --: | --: | --: | --: | --: | --- |")
    quiet = reader_phase("alone")
    held: list[socket.socket] = []
    dripping: list[socket.socket] = []
    closed = Counter()
    stop = threading.Event()

    def idle_one() -> socket.socket | None:  # connected, TLS not even started
        with contextlib.suppress(OSError):
            return socket.create_connection(addr, timeout=5)
        return None

    def slow_one() -> socket.socket | None:  # slowloris: headers, one line every few seconds
        with contextlib.suppress(OSError):
            s = socket.create_connection(addr, timeout=5)
            if layout.tls:
                s = layout.tls.wrap_socket(s, server_hostname=HOST)
            s.sendall(f"GET /?slow=1 HTTP/1.1\r\nHost: {layout.host}\r\n".encode())
            return s
        return None

    def top_up() -> None:
        """Keep *idle* and *slow* connections open: redial those nginx has closed."""
        for pool, want, make, kind in ((held, idle, idle_one, "idle"),
                                       (dripping, slow, slow_one, "slowloris")):  # fmt: skip
            for s in list(pool):
                if not _alive(s):
                    pool.remove(s)
                    closed[kind] += 1
                    s.close()
            while len(pool) < want and not stop.is_set():
                s = make()
                if s is None:
                    closed[f"{kind} refused"] += 1
                    break
                pool.append(s)

    def attack() -> None:
        n = 0
        while not stop.wait(2):
            for s in list(dripping):
                try:
                    s.setblocking(True)
                    s.sendall(f"X-Slow-{n}: a\r\n".encode())
                except OSError:
                    pass
            n += 1
            top_up()

    top_up()
    opened = (len(held), len(dripping))
    attacker = threading.Thread(target=attack, daemon=True)
    attacker.start()
    t_attack = time.monotonic()
    attacked = reader_phase(f"with {opened[0]} idle + {opened[1]} slowloris connections, kept up")
    alive_idle, alive_slow = len(held), len(dripping)
    elapsed = time.monotonic() - t_attack
    stop.set()
    attacker.join(30)
    for s in held + dripping:
        with contextlib.suppress(OSError):
            s.close()
    fig = figures(layout)
    print(
        f"\nAfter {elapsed:.0f} s of attack: {alive_idle} idle and {alive_slow} slowloris "
        f"connections open; nginx had closed {closed['idle']} idle and {closed['slowloris']} "
        f"slowloris ones (client_header_timeout), which were redialled; refused dials: "
        f"{closed['idle refused'] + closed['slowloris refused']}. Worker RSS {fig['rss']} MB, "
        f"open files {fig['fds']}."
    )
    ratio = attacked["p99"] / max(quiet["p99"], 1)
    held_up = attacked["errors"] == 0 and attacked["p99"] < P99_LIMIT_MS
    print(
        f"\nReader p99 {quiet['p99']:.0f} ms alone → {attacked['p99']:.0f} ms under attack "
        f"(×{ratio:.1f}); errors {attacked['errors']}; "
        f"{'not starved' if held_up else '**starved**'}."
    )
    big_body(layout)


def _alive(s: socket.socket) -> bool:
    try:
        s.setblocking(False)
        # The raw socket's recv: below TLS (an SSLSocket refuses flags), bytes left in place.
        data = socket.socket.recv(s, 1, socket.MSG_PEEK)
        return data != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def big_body(layout: Layout) -> None:
    """A body over client_max_body_size: refused from its headers, before any body is sent."""
    sizes = [(24 * 2**20 + 1, "24 MB + 1 byte")]
    print(
        "\n| request | answer | time to answer | body bytes sent first |\n| --- | --- | --: | --: |"
    )
    for length, label in sizes:
        s = socket.create_connection(("127.0.0.1", layout.port), timeout=10)
        if layout.tls:
            s = layout.tls.wrap_socket(s, server_hostname=HOST)
        t0 = time.monotonic()
        s.sendall(
            (f"POST /dashboard/@demo/media/upload/ HTTP/1.1\r\nHost: {layout.host}\r\n"
             f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {length}\r\n"
             "\r\n").encode()
        )  # fmt: skip
        head = s.recv(200).decode("latin-1").split("\r\n")[0]
        print(f"| POST upload, Content-Length {label} | {head} | "
              f"{(time.monotonic() - t0) * 1000:.0f} ms | 0 |")  # fmt: skip
        s.close()


# -- main ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("capacity", "soak", "slowclients"))
    parser.add_argument("--layout", choices=("dev", "prod", "both"), default="prod")
    parser.add_argument("--step", type=int, default=40, help="seconds per capacity step")
    parser.add_argument("--start", type=float, default=10, help="first capacity step, ops/s")
    parser.add_argument("--factor", type=float, default=1.25, help="capacity step growth")
    parser.add_argument("--minutes", type=float, default=30, help="soak length")
    parser.add_argument("--rate", type=float, default=20, help="soak / slowclients ops/s")
    parser.add_argument("--every", type=int, default=60, help="soak: seconds per row")
    parser.add_argument("--idle", type=int, default=1000, help="slowclients: idle connections")
    parser.add_argument("--slow", type=int, default=200, help="slowclients: slowloris ones")
    parser.add_argument("--seconds", type=int, default=30, help="slowclients: per phase")
    args = parser.parse_args()

    m = r.machine()
    print(f"## bench/{args.mode} ({' '.join(sys.argv[1:])})\n")
    r.print_machine(m)
    layouts = ["dev", "prod"] if args.layout == "both" else [args.layout]
    if args.mode == "slowclients":
        layouts = ["prod"]
    for name in layouts:
        with a_layout(name) as layout:
            if args.mode == "capacity":
                capacity(layout, args.step, args.start, args.factor)
            elif args.mode == "soak":
                soak(layout, args.minutes, args.rate, args.every)
            else:
                hostile(layout, args.idle, args.slow, args.seconds, args.rate)
    print(f"\n- Load average at the end: {r.load()}")


if __name__ == "__main__":
    main()
