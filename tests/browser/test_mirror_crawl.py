"""A static mirror read as a reader reads it: from a file:// folder and from a plain HTTP server.

Every page is opened in Chromium and every link followed. A link either stays in the mirror
(and its file exists), or goes back to the live site (comments, forms, log-in, courses), or
is an author's own link inside a post; no page requests anything outside the mirror, and
every image loads. Two pages pass axe and the Nu checker, as the live ones do.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from chaikhana.core.testing.factories import BlogFactory, PostFactory, UserFactory
from chaikhana.media.actions import upload_media
from chaikhana.media.tests.helpers import image_bytes, upload_file
from chaikhana.mirrors import build, signing
from chaikhana.mirrors.scope import Scope
from chaikhana.mirrors.tests.conftest import serve_directory
from tests.browser.checks import DESKTOP, HtmlPages, assert_accessible

LIVE = "http://127.0.0.1:8000"
# [address, a link back to the live site the mirror made, inside a post's own text]
LINKS = """els => els.map(e => [e.href, !!e.closest('.mirror-live'), !!e.closest('.body')])"""
IMAGES = """async () => {
  const images = [...document.images];
  await Promise.all(images.map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }));
  const broken = images.filter(i => !i.complete || i.naturalWidth === 0);
  return [images.length - broken.length, broken.map(i => i.currentSrc || i.src)];
}"""


@pytest.fixture
def mirror(db, settings, tmp_path, django_capture_on_commit_callbacks) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MIRROR_SIGNING_KEY = signing.generate()[0]
    owner = UserFactory()
    blog = BlogFactory(name="open", title="Open blog", owner=owner)
    with django_capture_on_commit_callbacks(execute=True):
        photo = upload_media(
            blog=blog, by=owner, uploaded_file=upload_file(image_bytes("JPEG", (900, 600)), "p.jpg")
        )
    PostFactory(blog=blog, slug="photo", title="A photo", body_source=f"![A field]({photo.url})")
    PostFactory(
        blog=blog, slug="words", title="Words", body_source="See [elsewhere](https://example.org/)."
    )
    build.build(tmp_path / "mirror", scope=Scope.build(), live=LIVE)
    return (tmp_path / "mirror" / "current").resolve()


def _crawl(browser, start: str, root_prefix: str) -> tuple[int, int, list[str]]:
    """Open every page reachable from *start*: pages opened, images loaded, what went wrong."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block", bypass_csp=True)
    outside: list[str] = []

    def fence(route, request):
        if request.url.startswith(root_prefix) or request.url.startswith(("data:", "about:")):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort("blockedbyclient")

    context.route("**/*", fence)
    page = context.new_page()
    problems: list[str] = []
    queue, seen, loaded = deque([start]), {start}, 0
    while queue:
        url = queue.popleft()
        page.goto(url)
        images, broken = page.evaluate(IMAGES)
        loaded += images
        problems += [f"{url}: image did not load: {src}" for src in broken]
        for href, back_to_live, in_post in page.eval_on_selector_all("a[href]", LINKS):
            target = urldefrag(href)[0]
            if target.startswith(root_prefix):
                if target.endswith(".html") and target not in seen:
                    seen.add(target)
                    queue.append(target)
                elif target.startswith("file://") and not Path(urlsplit(target).path).is_file():
                    problems.append(f"{url}: missing {target}")
            elif target.startswith(LIVE) or in_post or back_to_live:
                continue
            else:
                problems.append(f"{url}: leaves the mirror for {href}")
    context.close()
    return len(seen), loaded, problems + [f"requested outside the mirror: {u}" for u in outside]


def test_a_mirror_works_from_a_file_folder(browser, mirror):
    pages, images, problems = _crawl(
        browser, (mirror / "index.html").as_uri(), mirror.as_uri() + "/"
    )
    assert pages >= 8 and images >= 1  # the photo on its post
    assert problems == []


def test_a_mirror_works_from_a_plain_http_server_under_a_path(browser, mirror, tmp_path):
    with serve_directory(mirror.parent.parent) as base:
        # Any path: the copy is served from /mirror/current/, not from the root.
        start = f"{base}mirror/current/index.html"
        pages, images, problems = _crawl(browser, start, f"{base}mirror/current/")
    assert pages >= 8 and images >= 1
    assert problems == []


def test_mirrored_pages_pass_axe_and_the_nu_checker(browser, mirror):
    html_pages = HtmlPages()
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    for name in ("index.html", "@open/index.html", "@open/photo/index.html"):
        page.goto((mirror / name).as_uri())
        assert_accessible(page, name)
        html_pages.add(name, (mirror / name).read_text())
    context.close()
    html_pages.assert_valid()
