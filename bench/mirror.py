"""Static mirrors and offline packs, timed: `bench/mirror [--posts N] [--blogs B]`.

Builds a scratch network in a temporary CHAIKHANA_VAR_DIR (SQLite: migrate, collectstatic,
demo --blogs B --posts N, demo_media; the page cache in REDIS_URL if set, so the page cache's
generations survive between runs as in production), then measures, each in its own process:

1. a full mirror into a directory (time, files, bytes);
2. the same command again with nothing changed;
3. one new post written and published through blogs' actions, then the incremental run
   (time, pages rendered, files written);
4. the network's ZIM and one blog's EPUB (time, size).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
NEW_POST = """
from chaikhana.accounts.models import User
from chaikhana.blogs.actions.posts import PostContent, create_post, publish_post
from chaikhana.blogs.models import Blog
blog = Blog.objects.get(name="demo")
by = User.objects.get(username="demo")
post = create_post(blog=blog, by=by, content=PostContent(title="Bench: one new post",
    body_source="A new post for the incremental mirror.", tag_names=["bench"]))
publish_post(post=post, by=by)
"""


def manage(env: dict[str, str], *args: str) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return time.monotonic() - started, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--blogs", type=int, default=20)
    options = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="mirror-bench-"))
    env = {**os.environ, "CHAIKHANA_VAR_DIR": str(var), "SQLITE_PATH": str(var / "db.sqlite3")}
    key = manage(env, "mirror_keygen")[1].split("=", 1)[1].split()[0]
    env.setdefault("MIRROR_SIGNING_KEY", key)
    for step in (
        ["migrate", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["demo", "--blogs", str(options.blogs), "--posts", str(options.posts)],
        ["demo_media", "--if-needed"],
    ):
        manage(env, *step)
    target = var / "mirror"
    rows = []
    for label in ("full", "again, nothing changed"):
        seconds, out = manage(env, "mirror", str(target))
        rows.append((label, seconds, out.splitlines()[0]))
    manage(env, "shell", "-c", NEW_POST)
    seconds, out = manage(env, "mirror", str(target))
    rows.append(("after one new post", seconds, out.splitlines()[0]))
    packs = (("ZIM, whole network", ["zim"]), ("EPUB, blog demo", ["epub", "--blog", "demo"]))
    for label, args in packs:
        seconds, out = manage(env, "build_pack", *args)
        size = re.search(r"\((\d+) bytes\)", out)
        rows.append((label, seconds, f"{int(size[1]) if size else 0} bytes"))
    print(f"network: {options.blogs} blogs, {options.posts} posts; var: {var}")
    for label, seconds, what in rows:
        print(f"{label:28} {seconds:7.1f} s   {what}")


if __name__ == "__main__":
    sys.exit(main())
