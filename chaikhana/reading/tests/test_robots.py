"""robots.txt on the network's host and, in subdomain mode, on each blog's host."""

import pytest

from chaikhana.blogs.models import Blog
from chaikhana.core.testing.factories import BlogFactory
from chaikhana.reading import sitemaps

pytestmark = pytest.mark.django_db


def robots(client, **extra):
    response = client.get("/robots.txt", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return response.content.decode().splitlines()


class NetworkRobotsTests:
    def test_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(self, client, db):
        lines = robots(client)
        assert lines[0] == "User-agent: *"
        for area in ("/dashboard/", "/accounts/", "/i18n/"):
            assert f"Disallow: {area}" in lines
        assert "Disallow: /" not in lines
        assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"

    def test_sitemap_address_follows_the_scheme(self, client, db):
        lines = robots(client, secure=True)
        assert lines[-1] == "Sitemap: https://testserver/sitemap.xml"

    def test_names_every_page_of_a_large_index(self, client, db, monkeypatch):
        monkeypatch.setattr(sitemaps, "BLOGS_PER_INDEX", 2)
        BlogFactory.create_batch(3)
        sitemap_lines = [line for line in robots(client) if line.startswith("Sitemap:")]
        assert sitemap_lines == [
            "Sitemap: http://testserver/sitemap.xml",
            "Sitemap: http://testserver/sitemap.xml?p=2",
        ]

    def test_does_not_reveal_unlisted_blogs(self, client, db):
        BlogFactory(name="quiet", visibility=Blog.Visibility.UNLISTED)
        assert "quiet" not in "".join(robots(client))


class BlogHostRobotsTests:
    @pytest.fixture(autouse=True)
    def subdomains(self, settings):
        settings.BLOG_HOST_MODE = "subdomain"
        settings.BLOG_DOMAIN = "chaikhana.test"
        settings.ALLOWED_HOSTS = [".chaikhana.test", "chaikhana.test"]

    def test_listed_blog_host_points_at_its_own_sitemap(self, client, db):
        BlogFactory(name="demo")
        lines = robots(client, HTTP_HOST="demo.chaikhana.test")
        assert "Disallow: /" not in lines
        assert lines[-1] == "Sitemap: http://demo.chaikhana.test/sitemap.xml"

    @pytest.mark.parametrize("visibility", [Blog.Visibility.UNLISTED, Blog.Visibility.PRIVATE])
    def test_hidden_blog_host_keeps_crawlers_out(self, client, db, visibility):
        BlogFactory(name="quiet", visibility=visibility)
        lines = robots(client, HTTP_HOST="quiet.chaikhana.test")
        assert lines == ["User-agent: *", "Disallow: /"]

    def test_unknown_blog_host_keeps_crawlers_out(self, client, db):
        assert robots(client, HTTP_HOST="nobody.chaikhana.test")[-1] == "Disallow: /"

    def test_network_host_keeps_its_own_robots(self, client, db):
        lines = robots(client, HTTP_HOST="chaikhana.test")
        assert lines[-1] == "Sitemap: http://chaikhana.test/sitemap.xml"
