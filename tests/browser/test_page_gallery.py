"""Every page type at a phone's and a desktop's width, light and dark: the gallery.

Each page is shot at 360 and 1280 px in the light and the dark colour scheme into
test-artifacts/gallery/ (what a reviewer looks at before a release), and each shot is held to
what a reader would notice at once: nothing wider than a phone's screen (no sideways scrolling
at 360 px), and the reader's colour scheme honoured (a dark page in dark mode, a light one in
light mode). Problems are collected over the whole gallery and reported together.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page

from chaikhana.core.testing.twofactor import log_in_verified
from tests.browser.test_every_page import build_site

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (360, 780), "desktop": (1280, 900)}
SCHEMES = ("light", "dark")

READER = [
    "portal section", "portal story", "blog home (text)", "blog home (photo)",
    "post with comments and a mention", "photo post", "category archive", "courses catalogue",
    "course",
]  # fmt: skip
WRITER = ["dashboard home", "posts list", "editor (edit)", "blog settings", "media library"]
EDITOR = ["portal desk", "portal submission", "network dashboard", "network blogs"]

# The page's background as a browser paints it: the first opaque one from <body> up.
BACKGROUND = """() => {
  for (const el of [document.body, document.documentElement]) {
    const c = getComputedStyle(el).backgroundColor;
    const m = c.match(/[\\d.]+/g);
    if (m && (m.length < 4 || Number(m[3]) > 0)) return m.slice(0, 3).map(Number);
  }
  return [255, 255, 255];
}"""
# The photo theme is a dark gallery in both schemes on purpose: pictures read best on black.
DARK_BY_DESIGN = {"blog home (photo)", "photo post"}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def luminance(rgb: list[float]) -> float:
    """Relative luminance, WCAG 2.x (sRGB)."""
    lin = [(c / 255) / 12.92 if c <= 10.31 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def use_session(page: Page, host: str, client: Client) -> None:
    cookie = {"name": settings.SESSION_COOKIE_NAME, "domain": host, "path": "/"}
    page.context.clear_cookies()
    page.context.add_cookies([{**cookie, "value": client.cookies[cookie["name"]].value}])


def shoot(page: Page, name: str, url: str, folder: Path) -> list[str]:
    problems = []
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    for width_name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            response = page.goto(url)
            if response is None or response.status != 200:
                problems.append(f"{name}: GET {url} answered {response and response.status}")
                return problems
            page.screenshot(path=str(folder / f"{slug}-{width_name}-{scheme}.png"), full_page=True)
            shade = luminance(page.evaluate(BACKGROUND))
            if (scheme == "dark" or name in DARK_BY_DESIGN) != (shade < 0.2):
                problems.append(f"{name} at {width} px: a {scheme} scheme, background {shade:.2f}")
            if width_name == "phone" and (extra := page.evaluate(OVERFLOW)) > 1:
                problems.append(f"{name} at {width} px ({scheme}): {extra} px wider than a phone")
    return problems


def test_every_page_type_fits_a_phone_and_follows_the_colour_scheme(
    page: Page, transactional_db, settings, tmp_path, artifacts_dir
):
    settings.MEDIA_ROOT = tmp_path / "media"
    site = build_site()
    folder = artifacts_dir / "gallery"
    folder.mkdir(exist_ok=True)
    page.goto("/")
    host = re.sub(r"^https?://([^:/]+).*$", r"\1", page.url)
    problems = shoot(page, "portal front page", "/", folder)
    for name in READER:
        problems += shoot(page, name, site.urls[name], folder)
    blogger = Client()
    blogger.force_login(site.blogger)
    use_session(page, host, blogger)
    for name in WRITER:
        problems += shoot(page, name, site.urls[name], folder)
    staff = Client()
    log_in_verified(staff, site.staff)
    use_session(page, host, staff)
    for name in EDITOR:
        problems += shoot(page, name, site.urls[name], folder)
    assert not problems, "\n".join(problems)
