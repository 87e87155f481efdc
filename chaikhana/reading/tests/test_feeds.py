"""A blog's RSS 2.0 and Atom 1.0 feeds, read as a feed reader would."""

from xml.etree import ElementTree

import feedparser
import pytest

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"


def feed(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.status_code
    # Our own output, parsed with the standard library as the brief asks (no feedparser).
    return ElementTree.fromstring(response.content)  # noqa: S314


class RssFeedTests:
    def test_parses_with_absolute_links_and_full_content(self, client, db):
        blog = BlogFactory(title="Голос Таласа", language="ky")
        PostFactory(blog=blog, title="Жаңылыктар", slug="news", body_source="Текст **жирный**")
        root = feed(client, f"/@{blog.name}/feed/")
        channel = root.find("channel")
        assert root.get(XML_LANG) == "ky"
        assert channel.findtext("title") == "Голос Таласа"
        assert channel.findtext("link") == f"http://testserver/@{blog.name}/"
        item = channel.find("item")
        assert item.findtext("title") == "Жаңылыктар"
        assert item.findtext("link") == f"http://testserver/@{blog.name}/news/"
        assert "<strong>жирный</strong>" in item.findtext("description")

    def test_each_item_keeps_its_language(self, client, blog):
        PostFactory(blog=blog, language="en")
        item = feed(client, f"/@{blog.name}/feed/").find("channel/item")
        assert item.findtext(DC_LANGUAGE) == "en"

    def test_guid_survives_a_new_slug(self, client, blog):
        post = PostFactory(blog=blog, slug="first-name")
        before = feed(client, f"/@{blog.name}/feed/").findtext("channel/item/guid")
        post.slug = "second-name"
        post.save()
        after = feed(client, f"/@{blog.name}/feed/").findtext("channel/item/guid")
        assert before == after
        assert before.startswith("tag:") and "first-name" not in before

    def test_has_the_newest_10_published_posts_only_by_default(self, client, blog):
        PostFactory.create_batch(12, blog=blog)
        PostFactory(blog=blog, title="Draft", status=Post.Status.DRAFT)
        PostFactory(blog=blog, title="Secret", status=Post.Status.PRIVATE)
        titles = [i.findtext("title") for i in feed(client, f"/@{blog.name}/feed/").iter("item")]
        assert len(titles) == 10
        assert "Draft" not in titles and "Secret" not in titles

    def test_carries_as_many_posts_as_the_owner_chose_when_she_changed_it(self, client, blog):
        PostFactory.create_batch(12, blog=blog)
        blog.feed_items = 3
        blog.save()
        for path in ("feed/", "feed/atom/"):
            entries = feedparser.parse(client.get(f"/@{blog.name}/{path}").content).entries
            assert len(entries) == 3, path
        assert len(client.get(f"/@{blog.name}/feed/json/").json()["items"]) == 3

    def test_unchanged_feed_answers_304(self, client, blog):
        post = PostFactory(blog=blog)
        first = client.get(f"/@{blog.name}/feed/")
        again = client.get(f"/@{blog.name}/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b""
        post.title = "Changed"
        post.save()
        changed = client.get(f"/@{blog.name}/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert changed.status_code == 200

    def test_private_blog_has_no_feed(self, client, db):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        assert client.get(f"/@{blog.name}/feed/").status_code == 404
        assert client.get(f"/@{blog.name}/feed/atom/").status_code == 404

    def test_unknown_blog_has_no_feed(self, client, db):
        assert client.get("/@nobody/feed/").status_code == 404

    def test_byline_is_the_pen_name(self, client, db):
        blog = BlogFactory()
        post = PostFactory(blog=blog)
        body = client.get(f"/@{blog.name}/feed/atom/").content.decode()
        assert post.author.pen_name in body
        assert post.author.user.username not in body


class AtomFeedTests:
    def test_parses_with_language_absolute_links_and_content(self, client, db):
        blog = BlogFactory(language="ru")
        PostFactory(blog=blog, slug="news", language="ky", body_source="Текст **жирный**")
        root = feed(client, f"/@{blog.name}/feed/atom/")
        assert root.tag == f"{ATOM}feed"
        assert root.get(XML_LANG) == "ru"
        entry = root.find(f"{ATOM}entry")
        assert entry.get(XML_LANG) == "ky"
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link == f"http://testserver/@{blog.name}/news/"
        assert "<strong>жирный</strong>" in entry.findtext(f"{ATOM}content")
        assert entry.findtext(f"{ATOM}id").startswith("tag:")

    def test_unlisted_blog_has_a_feed(self, client, db):
        blog = BlogFactory(visibility=Blog.Visibility.UNLISTED)
        PostFactory(blog=blog, title="By address")
        root = feed(client, f"/@{blog.name}/feed/atom/")
        assert root.find(f"{ATOM}entry/{ATOM}title").text == "By address"

    def test_links_are_absolute_on_the_blogs_host_in_subdomain_mode(self, client, settings, db):
        settings.BLOG_HOST_MODE = "subdomain"
        settings.BLOG_DOMAIN = "chaikhana.test"
        settings.ALLOWED_HOSTS = [".chaikhana.test"]
        blog = BlogFactory(name="demo")
        PostFactory(blog=blog, slug="first")
        root = feed(client, "/feed/atom/", HTTP_HOST="demo.chaikhana.test")
        link = root.find(f"{ATOM}entry/{ATOM}link").get("href")
        assert link == "http://demo.chaikhana.test/first/"

    def test_query_count_does_not_grow_with_posts(
        self, client, blog, django_assert_max_num_queries
    ):
        counts = []
        for total in (5, 15):
            while Post.objects.count() < total:
                PostFactory(blog=blog)
            with django_assert_max_num_queries(5) as captured:
                feed(client, f"/@{blog.name}/feed/atom/")
            counts.append(len(captured))
        assert counts[0] == counts[1]
