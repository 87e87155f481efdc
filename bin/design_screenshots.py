"""Side-by-side screenshots for docs/design/: our pages and an anchor's, same widths, same text.

Usage (a demo network served by `make run` or runserver, and optionally an anchor site
holding the same posts — docs/design/README.md says how the WordPress one was made):

    .venv/bin/python bin/design_screenshots.py --base http://127.0.0.1:8000 \
        --anchor wordpress=http://127.0.0.1:8290 --out docs/design

Pages are given as JSON (--pages, --anchor-pages); each is shot at 360 and 1280 px, light,
as a 256-colour PNG (two screens on a phone, one on a desktop); the signed-in pages with the
demo's session. Debian's Chromium; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

WIDTHS = {"360": (360, 780), "1280": (1280, 860)}


def shoot(page, url: str, path: Path, width: str) -> None:
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    page.goto(url, wait_until="load")
    clip = {"x": 0, "y": 0, "width": w, "height": h * (2 if w < 700 else 1)}
    shot = Image.open(io.BytesIO(page.screenshot(clip=clip, full_page=True)))
    # 256 colours keep text crisp and the files small enough to commit.
    shot.convert("RGB").quantize(256).save(path, optimize=True)


def session_cookie(env_python: str, username: str) -> str:
    """A signed-in, second-factor-verified session for *username*, made inside Django."""
    code = (
        "from django.test import Client; from django.contrib.auth import get_user_model;"
        "from chaikhana.core.testing.twofactor import log_in_verified;"
        f"c = Client(); log_in_verified(c, get_user_model().objects.get(username={username!r}));"
        "print(c.cookies['sessionid'].value)"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [env_python, "manage.py", "shell", "-c", code], capture_output=True, text=True, check=True
    )
    return out.stdout.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True)
    ap.add_argument("--pages", required=True, help="JSON: {name: path} of our pages")
    ap.add_argument("--anchor", action="append", default=[], help="name=URL with --anchor-pages")
    ap.add_argument("--anchor-pages", default="{}", help="JSON: {anchor: {name: path}}")
    ap.add_argument("--signed-in", default="", help="comma-separated names needing a session")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ours = json.loads(args.pages)
    anchors = dict(a.split("=", 1) for a in args.anchor)
    anchor_pages = json.loads(args.anchor_pages)
    signed = {n for n in args.signed_in.split(",") if n}
    cookie = session_cookie(sys.executable, "demo") if signed else ""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, path in ours.items():
            context = browser.new_context(locale="ru-RU", color_scheme="light")
            if name in signed:
                host = args.base.split("//")[1].split(":")[0]
                context.add_cookies(
                    [{"name": "sessionid", "value": cookie, "domain": host, "path": "/"}]
                )
            page = context.new_page()
            for width in WIDTHS:
                shoot(page, args.base + path, args.out / f"{name}-chaikhana-{width}.png", width)
            context.close()
        for anchor, base in anchors.items():
            context = browser.new_context(locale="ru-RU", color_scheme="light")
            page = context.new_page()
            for name, path in anchor_pages.get(anchor, {}).items():
                for width in WIDTHS:
                    shoot(page, base + path, args.out / f"{name}-{anchor}-{width}.png", width)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
