"""Feeds and sitemaps through the page cache: stored, invalidated exactly, and validated by
when each version was made (docs/architecture.md, "Page cache")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from chaikhana.blogs.actions import delete_post
from chaikhana.core.testing.factories import PostFactory, TagFactory
from chaikhana.reading.tests.cache_helpers import served_from_cache, warm

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def tag(blog):
    return TagFactory(blog=blog, name="выборы", slug="vybory")


def network_urls(blog, tag):
    return {
        "network feed": "/feed/",
        "network atom feed": "/feed/atom/",
        "network tag feed": f"/tag/{tag.slug}/feed/",
        "sitemap index": "/sitemap.xml",
        "blog sitemap": blog.url("blogs:sitemap"),
        "blog tag feed": blog.url("blogs:tag_feed", slug=tag.slug),
    }


class FeedValidatorTests:
    def test_if_modified_since_alone_gets_the_feed_after_the_newest_post_is_deleted(
        self, client, blog, user, commit
    ):
        with freeze_time(T0) as clock:
            PostFactory(blog=blog, title="Старый", published_at=T0 - timedelta(days=2))
            newest = PostFactory(blog=blog, title="Новейший", published_at=T0 - timedelta(days=1))
            url = blog.url("blogs:feed")
            seen = client.get(url)["Last-Modified"]
            clock.move_to(T0 + timedelta(hours=1))
            with commit():
                delete_post(post=newest, by=user)
            response = client.get(url, HTTP_IF_MODIFIED_SINCE=seen)
        assert response.status_code == 200
        assert "Новейший" not in response.content.decode()

    def test_unchanged_feed_answers_304_to_if_modified_since(self, client, blog):
        PostFactory(blog=blog)
        url = blog.url("blogs:feed")
        warm(client, url)
        seen = client.get(url)["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=seen).status_code == 304


class FeedAndSitemapCacheTests:
    @pytest.mark.parametrize(
        "which",
        [
            "network feed",
            "network atom feed",
            "network tag feed",
            "sitemap index",
            "blog sitemap",
            "blog tag feed",
        ],
    )
    def test_second_visit_is_stored_and_a_tagged_post_clears_it(
        self, client, blog, tag, commit, which
    ):
        old = PostFactory(blog=blog, slug="old-news")
        old.tags.add(tag)
        url = network_urls(blog, tag)[which]
        warm(client, url)
        assert served_from_cache(client, url)
        with commit():
            new = PostFactory(blog=blog, title="Свежая новость", slug="fresh-news")
            new.tags.add(tag)
        assert not served_from_cache(client, url)
        body = client.get(url).content.decode()
        assert "Свежая новость" in body or "fresh-news" in body or which == "sitemap index"

    def test_tagging_an_existing_post_clears_the_network_tag_feed(self, client, blog, tag, commit):
        post = PostFactory(blog=blog, title="Без метки")
        url = f"/tag/{tag.slug}/feed/"
        warm(client, url)
        with commit():
            post.tags.add(tag)
        assert "Без метки" in client.get(url).content.decode()

    def test_a_post_on_another_blog_leaves_a_blog_sitemap_stored(self, client, blog, commit):
        PostFactory(blog=blog)
        url = blog.url("blogs:sitemap")
        warm(client, url)
        with commit():
            PostFactory()
        assert served_from_cache(client, url)
