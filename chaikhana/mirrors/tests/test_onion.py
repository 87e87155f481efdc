"""The onion as a first-class door: pages read over it link only to it, and so can a mirror."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from chaikhana.mirrors import build
from chaikhana.mirrors.scope import Scope

pytestmark = pytest.mark.django_db
ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion"


@pytest.fixture
def onion(settings):
    settings.ONION_HOST = ONION
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ONION]
    return ONION


def _absolute_urls(html: str) -> list[str]:
    """Addresses a reader follows or her browser loads. The canonical address, og:* and
    JSON-LD name the one canonical page on SITE_URL by design (core/sharing.py): metadata
    for previews and search engines, never requested by the browser."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(["a", "link", "img", "source", "form", "script"]):
        if "canonical" in (tag.get("rel") or []):
            continue
        if tag.get("type") == "application/activity+json":
            continue  # an ActivityPub id: one stable address for servers, never a browser's
        for name in ("href", "src", "action", "srcset"):
            value = str(tag.get(name) or "")
            found += re.findall(r"https?://[^\s,\"']+", value)
    return found


class OnionPagesTests:
    def test_absolute_links_point_to_the_onion_when_read_over_it(self, client, onion, network):
        for path in ("/", "/blogs/", "/@open/", "/@open/public-post/", "/mirrors/"):
            response = client.get(path, headers={"host": onion})
            assert response.status_code == 200, path
            urls = _absolute_urls(response.content.decode())
            ours = [u for u in urls if "127.0.0.1" in u or "localhost" in u or "testserver" in u]
            assert ours == [], (path, ours)
            assert all(urlsplit(u).hostname == onion for u in urls if "example" not in u), path

    def test_clearnet_pages_announce_the_onion(self, client, onion, network):
        response = client.get("/@open/public-post/")
        assert response.headers["Onion-Location"] == f"http://{onion}/@open/public-post/"

    def test_a_mirror_made_for_the_onion_sends_comments_there(self, onion, network, tmp_path):
        build.build(tmp_path / "m", scope=Scope.build(), live=f"http://{onion}")
        page = (tmp_path / "m/current/@open/public-post/index.html").read_text()
        links = [u for u in _absolute_urls(page) if "example" not in u]
        assert links and all(urlsplit(u).hostname == onion for u in links)


class ReadingFiguresTests:
    def test_the_mirrors_crawler_is_not_counted_as_a_reader(self, rf):
        from django.core.cache import cache
        from django.http import HttpResponse
        from django.utils import timezone

        from chaikhana.mirrors.render import USER_AGENT
        from chaikhana.portal.figures.counter import StoryViewCounter, counter_key

        middleware = StoryViewCounter(lambda request: HttpResponse("story"))
        middleware(rf.get("/portal/stories/news/", headers={"user-agent": USER_AGENT}))
        assert cache.get(counter_key(timezone.localdate(), "news")) is None
        middleware(rf.get("/portal/stories/news/", headers={"user-agent": "Mozilla/5.0"}))
        assert cache.get(counter_key(timezone.localdate(), "news")) == 1
