"""Latency and queries per page as the network grows: `bench/scale`.

On PostgreSQL (127.0.0.1:5432, user postgres) with the Redis cache, two networks:
small = demo --blogs 100 --posts 10000, large = demo --blogs 10000 --posts 1000000 (loading the
large one takes 10–15 minutes, reindex_search included). Each is loaded into a scratch database
that is dropped at the end, unless --small-db/--large-db name a database already loaded
(then it is used as it is and kept).

- latency: gunicorn (2 × cores + 1 sync workers) on a free 127.0.0.1 port; per page 5 warm-up
  requests, then N (default 40) sequential GETs of the page with `?bench=1` added, which the
  page cache neither looks up nor stores (every request renders); the median and p90 are
  reported;
- queries: counted in a separate, in-process run of the same URLs through Django's test
  client under `CaptureQueriesContext` (connection.queries, DEBUG off), after one warm-up
  request; for list pages also with the blog's posts_per_page raised from 10 to 50, to see
  whether the count grows with the page size;
- memory: RSS of each gunicorn worker after the latency run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reading as r

REDIS = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14")

COUNT_QUERIES = r"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from chaikhana.blogs.models import Blog
pages = json.loads(%r)
client = Client()
out = {}
def count(url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(url).status_code
    return status, len(ctx.captured_queries)
for name, url in pages.items():
    out[name] = {"10": count(url)}
blog = Blog.objects.get(name=%r)
old = blog.posts_per_page
Blog.objects.filter(pk=blog.pk).update(posts_per_page=50)
try:
    for name, url in pages.items():
        out[name]["50"] = count(url)
finally:
    Blog.objects.filter(pk=blog.pk).update(posts_per_page=old)
print(json.dumps(out))
"""


def bust(path: str) -> str:
    return path + ("&" if "?" in path else "?") + "bench=1"


def pages_of(env: dict) -> tuple[dict[str, str], str]:
    p = r.pick_pages(env)
    q = quote(p["q"])
    pages = {
        "post": p["post"],
        "blog home": p["home"],
        "month archive": p["month"],
        "RSS feed": p["feed"],
        "blog search": p["search"].replace("{q}", q),
        "portal front page": "/",
        "blog directory": "/blogs/",
        "network search": f"/search/?q={q}",
    }
    return {k: bust(v) for k, v in pages.items()}, p["home_blog"]


def measure(env: dict, label: str, n: int) -> dict:
    pages, home_blog = pages_of(env)
    r.log(f"{label}: counting queries…")
    queries = json.loads(
        r.shell(env, COUNT_QUERIES % (json.dumps(pages), home_blog)).strip().splitlines()[-1]
    )
    workers = 2 * (os.cpu_count() or 1) + 1
    lat = {}
    with r.gunicorn(env, workers=workers) as server:
        for name, path in pages.items():
            url = server.base + path
            for _ in range(5):
                r.get(url)
            times = []
            for _ in range(n):
                t0 = time.perf_counter()
                status, _, _ = r.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert status == 200, (url, status)
            times.sort()
            lat[name] = (statistics.median(times), times[int(0.9 * (n - 1))])
            r.log(f"  {label} {name}: median {lat[name][0]:.1f} ms")
        rss = [r.rss_mb(pid) for pid in server.worker_pids()]
    return {"pages": pages, "queries": queries, "lat": lat, "rss": rss, "load": r.load()}


@contextlib.contextmanager
def network(name: str | None, scratch: str, blogs: int, posts: int):
    with r.scratch_dir("chaikhana-scale-") as var:
        if name:  # already loaded: bring its schema up to date, keep it
            env = r.base_env(var, r.PG + name, REDIS)
            r.manage(env, "migrate", "--noinput", "-v", "0")
            yield env
            return
        with r.postgres_db(scratch) as db:
            env = r.base_env(var, db, REDIS)
            r.log(f"loading {blogs:,} blogs / {posts:,} posts into {scratch}…")
            r.load_network(env, blogs, posts)
            yield env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--small-db", help="an already loaded database (100 blogs / 10,000 posts)")
    ap.add_argument("--large-db", help="an already loaded database (10,000 / 1,000,000)")
    ap.add_argument("--large", default="10000,1000000", help="blogs,posts of the large network")
    ap.add_argument("-n", type=int, default=40, help="sequential requests per page")
    args = ap.parse_args()
    big_blogs, big_posts = (int(x) for x in args.large.split(","))
    print("## Reading: scale (`bench/scale`)\n")
    r.print_machine(r.machine())
    results = {}
    for label, db, blogs, posts in (
        ("small", args.small_db, 100, 10_000),
        ("large", args.large_db, big_blogs, big_posts),
    ):
        with network(db, f"bench_scale_{label}_{os.getpid()}", blogs, posts) as env:
            env_sizes = r.shell(
                env,
                "from chaikhana.blogs.models import Blog, Post; "
                "print(Blog.objects.count(), Post.objects.count())",
            ).split()
            res = measure(env, label, args.n)
            res["size"] = f"{int(env_sizes[-2]):,} blogs / {int(env_sizes[-1]):,} posts"
            results[label] = res
    report(results, args.n)


def report(results: dict, n: int) -> None:
    small, large = results["small"], results["large"]
    print(f"- Networks: small = {small['size']}, large = {large['size']} (PostgreSQL, Redis)")
    print(
        f"- Latency: median (p90) of {n} sequential uncached requests through gunicorn, ms; "
        f"load average after: small {small['load']}, large {large['load']}"
    )
    print(
        "\n| page | small median (p90) | large median (p90) | growth | < 1.5× | queries small "
        "(10 → 50 per page) | queries large (10 → 50) | ≤ 10 queries, flat |"
    )
    print("| --- | --: | --: | --: | --- | --: | --: | --- |")
    worst_q = 0
    for name in small["lat"]:
        (s50, s90), (l50, l90) = small["lat"][name], large["lat"][name]
        growth = l50 / s50
        qs, ql = small["queries"][name], large["queries"][name]
        counts = [qs["10"][1], qs["50"][1], ql["10"][1], ql["50"][1]]
        worst_q = max(worst_q, *counts)
        flat = max(counts) <= 10 and qs["10"][1] == qs["50"][1] and ql["10"][1] == ql["50"][1]
        print(
            f"| {name} | {s50:.1f} ({s90:.1f}) | {l50:.1f} ({l90:.1f}) | {growth:.2f}× | "
            f"{'met' if growth < 1.5 else '**NOT met**'} | {qs['10'][1]} → {qs['50'][1]} | "
            f"{ql['10'][1]} → {ql['50'][1]} | {'met' if flat else '**NOT met**'} |"
        )
    rss = large["rss"]
    print(
        f"\nWorker RSS after the run on the large network: "
        f"{', '.join(f'{x:.0f}' for x in rss)} MB (small: "
        f"{', '.join(f'{x:.0f}' for x in small['rss'])} MB); target < 150 MB: "
        f"{'met' if max(rss) < 150 else '**NOT met**'}. Most queries on one page: {worst_q}."
    )
    print("\nURLs (large network): " + ", ".join(f"{k} `{v}`" for k, v in large["pages"].items()))


if __name__ == "__main__":
    main()
