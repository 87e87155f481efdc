"""The JSON API beside the HTML pages: `bench/api_throughput [--duration S]`.

Builds the demo network (demo --blogs 20 --posts 300) in a scratch SQLite database, serves it
with gunicorn (2 × cores + 1 sync workers) on a free 127.0.0.1 port, and runs
`wrk -t2 -c16 -d<S>s --latency` against, for a blog's post list and for one post:

- the HTML page uncached (`?bench=1`, which the page cache never stores) and from the page cache;
- the API's answer (`/api/v1/blogs/<blog>/posts?limit=10`, `/api/v1/blogs/<blog>/posts/<slug>`),
  which is rendered every time (the API has no page cache), and the same call revalidated with
  `If-None-Match` (a 304: a list is still built to hash its ETag; a post's ETag comes from
  cheap fields, api/conditional.py, so its body is not serialised).

The API's rate limit is raised for the run (API_ANONYMOUS_REQUESTS_PER_MINUTE): its counter
still runs on every call, so its cost is in the numbers. CPU per request = growth of utime +
stime of gunicorn's processes during the run ÷ requests completed; wrk shares the machine.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _reading as r
from throughput import bust, wrk


def targets(env: dict) -> list[tuple[str, str, str, dict]]:
    p = r.pick_pages(env)
    blog, slug = p["post"].strip("/").split("/")[-2:]
    home_blog = p["home_blog"]
    return [
        ("post list", "HTML, uncached", bust(p["home"]), {}),
        ("post list", "HTML, page cache", p["home"], {}),
        ("post list", "API", f"/api/v1/blogs/{home_blog}/posts?limit=10", {}),
        (
            "post list",
            "API, If-None-Match (304)",
            f"/api/v1/blogs/{home_blog}/posts?limit=10",
            {"etag": True},
        ),
        ("single post", "HTML, uncached", bust(p["post"]), {}),
        ("single post", "HTML, page cache", p["post"], {}),
        ("single post", "API", f"/api/v1/blogs/{blog.lstrip('@')}/posts/{slug}", {}),
        (
            "single post",
            "API, If-None-Match (304)",
            f"/api/v1/blogs/{blog.lstrip('@')}/posts/{slug}",
            {"etag": True},
        ),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--duration", type=int, default=10)
    args = ap.parse_args()
    print("## The JSON API beside the HTML pages (`bench/api_throughput`)\n")
    r.print_machine(r.machine())
    with r.scratch_dir("chaikhana-api-throughput-") as var:
        env = r.base_env(var) | {"API_ANONYMOUS_REQUESTS_PER_MINUTE": "100000000"}
        r.log("building the demo network (SQLite, 20 blogs, 300 posts)…")
        r.load_network(env, 20, 300)
        cases = targets(env)
        workers = 2 * (os.cpu_count() or 1) + 1
        with r.gunicorn(env, workers=workers) as server:
            print(
                f"\ngunicorn {workers} sync workers, `wrk -t2 -c16 -d{args.duration}s --latency`\n"
            )
            print(
                "| what | served as | req/s | p50 ms | p99 ms | CPU ms/request | bytes | status |"
            )
            print("| --- | --- | --: | --: | --: | --: | --: | --: |")
            for what, mode, path, opts in cases:
                url = server.base + path
                for _ in range(3):  # warm: the page cache learns, then stores
                    status, headers, body = r.get(url)
                extra = []
                if opts.get("etag"):
                    extra = ["-H", f"If-None-Match: {r.header(headers, 'ETag')}"]
                    status, _h, body = r.get(url, {"If-None-Match": r.header(headers, "ETag")})
                pids = server.pids()
                t0 = r.cpu_ticks(pids)
                res = wrk(url, args.duration, extra)
                cpu_ms = (r.cpu_ticks(pids) - t0) * 1000 / r.CLK_TCK / max(res["requests"], 1)
                print(
                    f"| {what} (`{path}`) | {mode} | {res['rps']:,.0f} | {res['p50']:.1f} | "
                    f"{res['p99']:.1f} | {cpu_ms:.2f} | {len(body):,} | {status} |"
                )
                r.log(f"  {what} {mode}: {res['rps']:.0f} req/s, {cpu_ms:.2f} ms CPU")
        print(f"\nLoad average after: {r.load()}.")


if __name__ == "__main__":
    main()
