"""Subdomain mode (blogs at <blog>.BLOG_DOMAIN): the mirror, /mirrors/ and the onion still work."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chaikhana.mirrors.tests.conftest import current
from chaikhana.mirrors.tests.test_build import _all_text, _links
from chaikhana.mirrors.tests.test_onion import ONION, _absolute_urls

pytestmark = pytest.mark.django_db
DOMAIN = "chaikhana.test"


@pytest.fixture
def subdomains(settings):
    settings.BLOG_HOST_MODE = "subdomain"
    settings.BLOG_DOMAIN = DOMAIN
    settings.ALLOWED_HOSTS = [f".{DOMAIN}", "testserver", "127.0.0.1", ONION]


class SubdomainMirrorTests:
    def test_blogs_on_their_own_hosts_are_copied_with_working_links_when_mirrored(
        self, subdomains, network, make_mirror, tmp_path
    ):
        make_mirror()
        root = current(tmp_path)
        for name in ("@open/index.html", "@open/public-post/index.html", "@open/feed/index.xml"):
            assert (root / name).is_file(), name
        text = _all_text(root)
        for word in network.hidden + network.usernames:
            assert word not in text
        for page in root.rglob("*.html"):
            for link in _links(page):
                # A blog's host (//open.chaikhana.test/…) became a file of the copy; only the
                # canonical address and og:url name the live page, with their scheme.
                assert not link.startswith("//"), (page, link)
                if not link or link.startswith(("#", "http://", "https://", "mailto:")):
                    continue
                path = posixpath.normpath(posixpath.join(str(page.parent), link.split("#")[0]))
                assert Path(path).is_file(), f"{page.relative_to(root)} → {link}"

    def test_a_blogs_own_host_sends_readers_to_the_mirrors_page_when_blocked(
        self, subdomains, network, client
    ):
        page = client.get("/", headers={"host": f"open.{DOMAIN}"}).content.decode()
        assert f'href="//{DOMAIN}/mirrors/"' in page
        mirrors = client.get("/mirrors/", headers={"host": DOMAIN})
        assert mirrors.status_code == 200

    def test_links_point_to_the_onion_when_read_over_it(
        self, subdomains, network, client, settings
    ):
        settings.ONION_HOST = ONION
        for path in ("/", "/blogs/", "/mirrors/", "/@open/", "/@open/public-post/"):
            response = client.get(path, headers={"host": ONION})
            assert response.status_code == 200, path  # the onion has one host: path mode
            urls = _absolute_urls(response.content.decode())
            assert all(urlsplit(u).hostname == ONION for u in urls), (path, urls)
            html = response.content.decode()
            assert f'href="//open.{DOMAIN}' not in html, path  # no link off Tor
            if path.startswith("/@open/"):  # the canonical page is still the blog's own host
                assert f'rel="canonical" href="http://open.{DOMAIN}/' in html, path
                assert f"open.{DOMAIN}/@open" not in html, path
        clearnet = client.get("/public-post/", headers={"host": f"open.{DOMAIN}"})
        assert clearnet.headers["Onion-Location"] == f"http://{ONION}/@open/public-post/"
