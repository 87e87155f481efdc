"""A blog's sitemap and the network's sitemap index, as a search engine reads them."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.reading import sitemaps

pytestmark = pytest.mark.django_db
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/xml"
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    return [loc.text for loc in root.iter(f"{SM}loc")]


class BlogSitemapTests:
    def test_lists_published_posts_and_pages_with_lastmod(self, client, blog):
        PostFactory(blog=blog, slug="a-post")
        PostFactory(blog=blog, slug="about", kind=Post.Kind.PAGE)
        PostFactory(blog=blog, slug="draft", status=Post.Status.DRAFT)
        PostFactory(blog=blog, slug="secret", status=Post.Status.PRIVATE)
        later = timezone.now() + timedelta(days=1)
        PostFactory(blog=blog, slug="soon", status=Post.Status.SCHEDULED, published_at=later)
        response = client.get(f"/@{blog.name}/sitemap.xml")
        root = ElementTree.fromstring(response.content)  # noqa: S314
        urls = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in root}
        assert set(urls) == {
            f"http://testserver/@{blog.name}/a-post/",
            f"http://testserver/@{blog.name}/about/",
        }
        assert all(len(lastmod) == 10 for lastmod in urls.values())  # W3C date: YYYY-MM-DD

    @pytest.mark.parametrize("visibility", [Blog.Visibility.UNLISTED, Blog.Visibility.PRIVATE])
    def test_blogs_kept_from_search_engines_have_none(self, client, visibility):
        blog = BlogFactory(visibility=visibility)
        PostFactory(blog=blog)
        assert client.get(f"/@{blog.name}/sitemap.xml").status_code == 404

    def test_unknown_blog_and_bad_page_are_404(self, client, blog):
        PostFactory(blog=blog)
        assert client.get("/@nobody/sitemap.xml").status_code == 404
        for page in ("abc", "0", "2"):
            assert client.get(f"/@{blog.name}/sitemap.xml?p={page}").status_code == 404

    def test_answers_the_sitemap_even_when_a_post_is_called_sitemap(self, client, blog):
        PostFactory(blog=blog, slug="sitemap")
        assert f"/@{blog.name}/sitemap/" in locations(client, f"/@{blog.name}/sitemap.xml")[0]

    def test_unchanged_sitemap_and_index_answer_304(self, client, blog):
        PostFactory(blog=blog)
        for url in (f"/@{blog.name}/sitemap.xml", "/sitemap.xml"):
            first = client.get(url)
            again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
            assert again.status_code == 304, url

    def test_query_count_does_not_grow_with_posts(
        self, client, blog, django_assert_max_num_queries
    ):
        counts = []
        for total in (5, 15):
            while Post.objects.count() < total:
                PostFactory(blog=blog)
            with django_assert_max_num_queries(3) as captured:
                # ?p=1: the view itself (the page cache stores only known parameters).
                assert len(locations(client, f"/@{blog.name}/sitemap.xml?p=1")) == total
            counts.append(len(captured))
        assert counts[0] == counts[1]


class SitemapIndexTests:
    def test_lists_listed_blogs_with_something_public(self, client, db):
        listed = BlogFactory()
        PostFactory(blog=listed)
        for visibility in (Blog.Visibility.UNLISTED, Blog.Visibility.PRIVATE):
            PostFactory(blog=BlogFactory(visibility=visibility))
        PostFactory(blog=BlogFactory(is_active=False))
        PostFactory(blog=BlogFactory(), status=Post.Status.DRAFT)  # nothing public yet
        assert locations(client, "/sitemap.xml") == [
            f"http://testserver/@{listed.name}/sitemap.xml"
        ]

    def test_each_listed_sitemap_answers(self, client, db):
        for _ in range(3):
            PostFactory(blog=BlogFactory())
        for url in locations(client, "/sitemap.xml"):
            assert len(locations(client, url.removeprefix("http://testserver"))) == 1

    def test_pages_when_the_network_outgrows_one_index(self, client, db, monkeypatch):
        monkeypatch.setattr(sitemaps, "BLOGS_PER_INDEX", 2)  # 50,000 in production
        blogs = [PostFactory(blog=BlogFactory()).blog for _ in range(3)]
        first, second = locations(client, "/sitemap.xml"), locations(client, "/sitemap.xml?p=2")
        assert len(first) == 2 and len(second) == 1
        assert {url.split("/")[3] for url in first + second} == {f"@{b.name}" for b in blogs}
        for page in ("3", "abc", "0", "-1"):
            assert client.get(f"/sitemap.xml?p={page}").status_code == 404

    def test_a_big_blog_has_a_sitemap_per_page(self, client, blog, monkeypatch):
        monkeypatch.setattr(sitemaps.BlogSitemap, "limit", 2)  # 50,000 in production
        PostFactory.create_batch(3, blog=blog)
        index = locations(client, "/sitemap.xml")
        own = f"http://testserver/@{blog.name}/sitemap.xml"
        assert index == [own, f"{own}?p=2"]
        assert len(locations(client, f"/@{blog.name}/sitemap.xml?p=2")) == 1

    def test_query_count_does_not_grow_with_blogs(self, client, db, django_assert_num_queries):
        counts = []
        for total in (5, 15):
            while Blog.objects.count() < total:
                PostFactory(blog=BlogFactory())
            with django_assert_num_queries(1) as captured:
                assert len(locations(client, "/sitemap.xml")) == total
            counts.append(len(captured))
        assert counts[0] == counts[1]


class SubdomainSitemapTests:
    @pytest.fixture(autouse=True)
    def subdomains(self, settings):
        settings.BLOG_HOST_MODE = "subdomain"
        settings.BLOG_DOMAIN = "chaikhana.test"
        settings.ALLOWED_HOSTS = [".chaikhana.test", "chaikhana.test"]

    def test_blog_host_answers_its_own_sitemap(self, client, db):
        PostFactory(blog=BlogFactory(name="demo"), slug="first")
        urls = locations(client, "/sitemap.xml", HTTP_HOST="demo.chaikhana.test")
        assert urls == ["http://demo.chaikhana.test/first/"]

    def test_network_index_points_at_blog_hosts(self, client, db):
        PostFactory(blog=BlogFactory(name="demo"))
        urls = locations(client, "/sitemap.xml", HTTP_HOST="chaikhana.test")
        assert urls == ["http://demo.chaikhana.test/sitemap.xml"]

    def test_unlisted_blog_host_has_no_sitemap(self, client, db):
        PostFactory(blog=BlogFactory(name="quiet", visibility=Blog.Visibility.UNLISTED))
        response = client.get("/sitemap.xml", HTTP_HOST="quiet.chaikhana.test")
        assert response.status_code == 404
