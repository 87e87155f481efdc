"""JSON Feed 1.1 beside RSS and Atom: the same posts, pen names only, and 304 when unchanged."""

from __future__ import annotations

import json

import pytest

from chaikhana.blogs.models import Blog
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    CommentFactory,
    PostFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def feed(client, url):
    answer = client.get(url)
    assert answer.status_code == 200, url
    assert answer["Content-Type"].startswith("application/feed+json")
    document = json.loads(answer.content)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    return document


class JsonFeedTests:
    def test_blog_feed_carries_the_posts_under_their_pen_names(self, client):
        writer = UserFactory(username="secretlogin")
        blog = BlogFactory(owner=writer)
        post = PostFactory(blog=blog, title="Снег", body_source="It *snows*.")
        document = feed(client, blog.url("blogs:feed_json"))
        [item] = document["items"]
        assert item["title"] == "Снег" and "<em>snows</em>" in item["content_html"]
        assert item["authors"] == [{"name": post.byline}]
        assert item["id"].startswith("tag:") and item["language"] == "ru"
        assert "secretlogin" not in json.dumps(document)

    def test_summary_only_when_the_blog_keeps_full_text_to_itself(self, client):
        blog = BlogFactory(feed_full_text=False)
        PostFactory(blog=blog, body_source="<b>x</b> " * 200)
        item = feed(client, blog.url("blogs:feed_json"))["items"][0]
        assert "<b>" not in item["content_html"] and item["summary"]

    def test_every_feed_we_publish_has_its_json_twin(self, client):
        blog = BlogFactory()
        post = PostFactory(blog=blog, slug="hello")
        post.tags.add(TagFactory(blog=blog, slug="t"))
        post.categories.add(CategoryFactory(blog=blog, slug="c"))
        CommentFactory(post=post)
        urls = [
            blog.url("blogs:feed_json"),
            blog.url("blogs:category_feed_json", slug="c"),
            blog.url("blogs:tag_feed_json", slug="t"),
            blog.url("blogs:author_feed_json", slug=post.author.slug),
            blog.url("blogs:comments:blog_feed_json"),
            blog.url("blogs:comments:post_feed_json", slug="hello"),
            "/feed/json/",
            "/tag/t/feed/json/",
            "/portal/feed/json/",
        ]
        for url in urls:
            assert feed(client, url)["items"] or url.startswith("/portal"), url

    def test_private_blog_feed_is_404(self, client):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        assert client.get(blog.url("blogs:feed_json")).status_code == 404

    def test_unchanged_feed_answers_304(self, client):
        blog = BlogFactory()
        PostFactory(blog=blog)
        first = client.get(blog.url("blogs:feed_json"))
        again = client.get(blog.url("blogs:feed_json"), headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304
