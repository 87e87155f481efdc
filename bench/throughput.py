"""Requests per second, latency and CPU per request: `bench/throughput [--pg] [--duration S]`.

Builds the demo network (demo --blogs 20 --posts 300) in a scratch SQLite database (and, with
--pg, also in a scratch PostgreSQL database with the Redis cache at REDIS_URL or
redis://127.0.0.1:6379/15), serves it with gunicorn (2 × cores + 1 sync workers) on a free
127.0.0.1 port, and runs `wrk -t2 -c16 -d20s --latency` against each page twice:

- uncached: the page's URL with `?bench=1` added. The page cache (reading/cache) has no switch
  to turn it off; it never looks up or stores a URL with a query parameter other than
  page/format, so such a request renders in full every time (and does no cache I/O);
- page cache: the plain URL, visited three times first (the first visit learns the page's
  dependencies, the second stores it); a hit is confirmed by an unchanged Last-Modified.

CPU per request = the growth of utime + stime (/proc/<pid>/stat) of the gunicorn master and
workers during the wrk run ÷ requests wrk completed. wrk runs on the same machine.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reading as r

WP = {  # the reference: WordPress 6.1 + PHP 8.2 + opcache, this machine, ms CPU/request
    "post": "63–70",
    "post, comments closed": "63–70",
    "blog home": "46–49",
    "RSS feed": "36",
}
WP_RPS = (28, 55)


def wrk(url: str, duration: int, extra: list[str] | None = None) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", *(extra or []), url],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": ms("50"),
        "p99": ms("99"),
        "bad": int(non2xx.group(1)) if non2xx else 0,
        "errors": errors.group(1) if errors else "",
    }


def pages_to_test(env: dict) -> dict[str, str]:
    p = r.pick_pages(env)
    closed = r.shell(
        env,
        """
from django.db.models import F
from django.db.models.functions import Abs
from django.utils import timezone
from chaikhana.blogs.models import Post
from chaikhana.comments.models import CommentSettings
post = (Post.objects.filter(status="published", kind="post", published_at__lte=timezone.now(),
        blog__is_active=True, blog__visibility="public").exclude(blog__name=BLOG_NAME)
        .exclude(body_html__icontains="<img").annotate(d=Abs(F("word_count") - 600))
        .order_by("d", "id").select_related("blog").first())
CommentSettings.objects.update_or_create(blog=post.blog, defaults={"mode": "closed"})
print(post.get_absolute_url())
""".replace("BLOG_NAME", repr(p["post_blog"])),
    )
    return {
        "post": p["post"],
        "post, comments closed": closed.strip().splitlines()[-1],
        "blog home": p["home"],
        "month archive": p["month"],
        "RSS feed": p["feed"],
        "search": p["search"].replace("{q}", quote(p["q"])),
    }


def bust(path: str) -> str:
    return path + ("&" if "?" in path else "?") + "bench=1"


def run(env: dict, label: str, duration: int) -> None:
    pages = pages_to_test(env)
    workers = 2 * (os.cpu_count() or 1) + 1
    with r.gunicorn(env, workers=workers) as server:
        print(
            f"\n### {label}: gunicorn {workers} sync workers, `wrk -t2 -c16 -d{duration}s "
            "--latency`\n"
        )
        print(
            "| page | mode | req/s | p50 ms | p99 ms | CPU ms/request | WordPress CPU "
            "ms/request | non-2xx | note |"
        )
        print("| --- | --- | --: | --: | --: | --: | --: | --: | --- |")
        summary = {}
        for name, path in pages.items():
            for mode in ("uncached", "page cache"):
                url = server.base + (bust(path) if mode == "uncached" else path)
                note = ""
                if mode == "page cache":
                    lms = [r.header(r.get(url)[1], "Last-Modified") for _ in range(3)]
                    time.sleep(1.1)
                    lms.append(r.header(r.get(url)[1], "Last-Modified"))
                    hit = lms[-1] == lms[-2] and bool(lms[-1])
                    note = "stored (hit)" if hit else "**not stored**: rendered every time"
                else:
                    for _ in range(3):
                        r.get(url)
                pids = server.pids()
                t0 = r.cpu_ticks(pids)
                res = wrk(url, duration)
                cpu_ms = (r.cpu_ticks(pids) - t0) * 1000 / r.CLK_TCK / max(res["requests"], 1)
                summary[(name, mode)] = (res, cpu_ms)
                print(
                    f"| {name} (`{path}`) | {mode} | {res['rps']:,.0f} | {res['p50']:.1f} | "
                    f"{res['p99']:.1f} | {cpu_ms:.2f} | {WP.get(name, '–')} | {res['bad']} | "
                    f"{note}{' errors: ' + res['errors'] if res['errors'] else ''} |"
                )
                r.log(f"  {label} {name} {mode}: {res['rps']:.0f} req/s, {cpu_ms:.2f} ms CPU")
        rss = [r.rss_mb(pid) for pid in server.worker_pids()]
        print(
            f"\nWorker RSS after the run: {', '.join(f'{x:.0f}' for x in rss)} MB "
            f"(master {r.rss_mb(server.proc.pid):.0f} MB). Load average after: {r.load()}."
        )
        post_cpu = summary[("post", "uncached")][1]
        closed_cpu = summary[("post, comments closed", "uncached")][1]
        print("\n| target | measured | verdict |\n| --- | --: | --- |")
        print(
            f"| ≤ 13 ms CPU per uncached post request (comments open) | {post_cpu:.2f} ms | "
            f"{'met' if post_cpu <= 13 else '**NOT met**'} |"
        )
        print(
            f"| ≤ 13 ms CPU per uncached post request (comments closed) | {closed_cpu:.2f} ms | "
            f"{'met' if closed_cpu <= 13 else '**NOT met**'} |"
        )
        for name in pages:
            rps = summary[(name, "page cache")][0]["rps"]
            verdict = (
                "met"
                if rps >= 50 * WP_RPS[1]
                else "met for the low end only"
                if rps >= 50 * WP_RPS[0]
                else "**NOT met**"
            )
            print(
                f"| page cache ≥ 50 × WordPress (1,400–2,750 req/s): {name} | {rps:,.0f} req/s "
                f"| {verdict} |"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pg", action="store_true", help="also PostgreSQL + Redis")
    ap.add_argument("--duration", type=int, default=20)
    args = ap.parse_args()
    print("## Reading: throughput (`bench/throughput`)\n")
    r.print_machine(r.machine())
    with r.scratch_dir("chaikhana-throughput-") as var:
        env = r.base_env(var)
        r.log("building the demo network (SQLite, 20 blogs, 300 posts)…")
        r.load_network(env, 20, 300)
        run(env, "SQLite, file cache", args.duration)
    if args.pg:
        redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
        with (
            r.scratch_dir("chaikhana-throughput-pg-") as var,
            r.postgres_db(f"bench_throughput_{os.getpid()}") as db,
        ):
            env = r.base_env(var, db, redis)
            r.log("building the demo network (PostgreSQL, 20 blogs, 300 posts)…")
            r.load_network(env, 20, 300)
            run(env, f"PostgreSQL, Redis cache ({redis})", args.duration)


if __name__ == "__main__":
    main()
