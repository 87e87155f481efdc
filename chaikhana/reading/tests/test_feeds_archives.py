"""Category, tag, author and network feeds: what is in them, what answers 404, and cost."""

import feedparser
import pytest
from django.utils import translation

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def titles(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return [entry.title for entry in feedparser.parse(response.content).entries]


class CategoryFeedTests:
    def test_has_the_category_and_its_sub_categories_once_each(self, client, blog):
        parent = CategoryFactory(blog=blog, slug="news")
        child = CategoryFactory(blog=blog, parent=parent)
        both = PostFactory(blog=blog, title="In both")
        both.categories.add(parent, child)
        PostFactory(blog=blog, title="In child").categories.add(child)
        PostFactory(blog=blog, title="Elsewhere")
        for kind in ("", "atom/"):
            found = titles(client, f"/@{blog.name}/category/news/feed/{kind}")
            assert sorted(found) == ["In both", "In child"]

    def test_unknown_category_tag_or_author_is_404(self, client, blog):
        for kind in ("category", "tag", "author"):
            for fmt in ("", "atom/"):
                url = f"/@{blog.name}/{kind}/nothing-here/feed/{fmt}"
                assert client.get(url).status_code == 404, url

    def test_a_category_of_another_blog_is_404(self, client, blog):
        other = CategoryFactory(slug="elsewhere")
        assert other.blog != blog
        assert client.get(f"/@{blog.name}/category/elsewhere/feed/").status_code == 404


class TagFeedTests:
    def test_has_the_tagged_published_posts_only(self, client, blog):
        tag = TagFactory(blog=blog, slug="chai", name="чай")
        PostFactory(blog=blog, title="Tagged").tags.add(tag)
        PostFactory(blog=blog, title="Draft", status=Post.Status.DRAFT).tags.add(tag)
        PostFactory(blog=blog, title="Untagged")
        assert titles(client, f"/@{blog.name}/tag/chai/feed/atom/") == ["Tagged"]

    def test_title_names_the_tag_in_the_blogs_language(self, client, blog):
        TagFactory(blog=blog, slug="chai", name="чай")
        parsed = feedparser.parse(
            client.get(f"/@{blog.name}/tag/chai/feed/", HTTP_ACCEPT_LANGUAGE="en").content
        )
        with translation.override(blog.language):  # Russian, though the reader asked English
            expected = translation.gettext("Tag: %(name)s") % {"name": "чай"}
        assert parsed.feed.title == f"{expected} · {blog.title}"


class AuthorFeedTests:
    def test_has_her_posts_under_her_pen_name_never_her_username(self, client, blog):
        her = MembershipFactory(blog=blog, pen_name="Айгүл", slug="aigul")
        PostFactory(blog=blog, author=her, title="Hers")
        PostFactory(blog=blog, title="The owner's")
        response = client.get(f"/@{blog.name}/author/aigul/feed/")
        parsed = feedparser.parse(response.content)
        assert [entry.title for entry in parsed.entries] == ["Hers"]
        assert parsed.entries[0].author == "Айгүл"
        assert her.user.username not in response.content.decode()


class BlogVisibilityFeedTests:
    def test_private_blog_has_no_archive_feeds(self, client, db):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        tag = TagFactory(blog=blog, slug="t")
        PostFactory(blog=blog).tags.add(tag)
        assert client.get(f"/@{blog.name}/tag/t/feed/").status_code == 404

    def test_private_blog_feed_is_404_even_for_its_owner(self, client, user):
        blog = BlogFactory(owner=user, visibility=Blog.Visibility.PRIVATE)
        client.force_login(user)
        assert client.get(f"/@{blog.name}/feed/").status_code == 404

    def test_unlisted_blog_has_archive_feeds_by_address(self, client, db):
        blog = BlogFactory(visibility=Blog.Visibility.UNLISTED)
        CategoryFactory(blog=blog, slug="c")
        assert client.get(f"/@{blog.name}/category/c/feed/atom/").status_code == 200


class NetworkFeedTests:
    def test_has_published_posts_of_listed_blogs_only(self, client, db):
        PostFactory(blog=BlogFactory(), title="Listed")
        PostFactory(blog=BlogFactory(visibility=Blog.Visibility.UNLISTED), title="Unlisted")
        PostFactory(blog=BlogFactory(visibility=Blog.Visibility.PRIVATE), title="Private")
        PostFactory(blog=BlogFactory(is_active=False), title="Suspended")
        PostFactory(blog=BlogFactory(), title="Draft", status=Post.Status.DRAFT)
        for kind in ("", "atom/"):
            assert titles(client, f"/feed/{kind}") == ["Listed"]

    def test_entries_keep_their_blogs_ids_and_links(self, client, blog):
        post = PostFactory(blog=blog, slug="hello")
        network = feedparser.parse(client.get("/feed/atom/").content).entries[0]
        own = feedparser.parse(client.get(f"/@{blog.name}/feed/atom/").content).entries[0]
        assert network.id == own.id and f"post-{post.pk}" in network.id
        assert network.link == f"http://testserver/@{blog.name}/hello/"


class FeedParameterTests:
    @pytest.mark.parametrize("query", ["?page=abc", "?foo=1", "?page=-1&format=%00"])
    def test_unknown_parameters_are_ignored(self, client, blog, query):
        PostFactory(blog=blog, title="Still here")
        for url in (f"/@{blog.name}/feed/", f"/@{blog.name}/feed/atom/", "/feed/"):
            assert titles(client, url + query) == ["Still here"]


class FullTextSettingTests:
    def test_full_text_by_default(self, client, blog):
        PostFactory(blog=blog, body_source="Whole **text**")
        rss = feedparser.parse(client.get(f"/@{blog.name}/feed/").content).entries[0]
        atom = feedparser.parse(client.get(f"/@{blog.name}/feed/atom/").content).entries[0]
        assert "<strong>text</strong>" in rss.description
        assert "<strong>text</strong>" in atom.content[0].value

    def test_summary_only_when_the_blog_says_so(self, client, db):
        blog = BlogFactory(feed_full_text=False)
        PostFactory(blog=blog, body_source="Whole **text** & more", excerpt="Just a taste & <b>")
        for url in (f"/@{blog.name}/feed/", f"/@{blog.name}/feed/atom/", "/feed/atom/"):
            body = client.get(url).content.decode()
            entry = feedparser.parse(body).entries[0]
            assert "strong" not in body and "content" not in entry
            assert entry.summary == "Just a taste &amp; &lt;b&gt;"


class SubdomainFeedTests:
    @pytest.fixture(autouse=True)
    def subdomains(self, settings):
        settings.BLOG_HOST_MODE = "subdomain"
        settings.BLOG_DOMAIN = "chaikhana.test"
        settings.ALLOWED_HOSTS = [".chaikhana.test", "chaikhana.test"]

    def test_archive_feeds_answer_on_the_blogs_host(self, client, db):
        blog = BlogFactory(name="demo")
        tag = TagFactory(blog=blog, slug="chai")
        PostFactory(blog=blog, slug="first").tags.add(tag)
        parsed = feedparser.parse(
            client.get("/tag/chai/feed/atom/", HTTP_HOST="demo.chaikhana.test").content
        )
        assert parsed.bozo == 0
        assert parsed.feed.link == "http://demo.chaikhana.test/tag/chai/"
        assert parsed.entries[0].link == "http://demo.chaikhana.test/first/"
        assert parsed.entries[0].id.startswith("tag:chaikhana.test,")

    def test_network_feed_links_posts_on_their_blogs_hosts(self, client, db):
        PostFactory(blog=BlogFactory(name="demo"), slug="first")
        parsed = feedparser.parse(client.get("/feed/", HTTP_HOST="chaikhana.test").content)
        assert parsed.entries[0].link == "http://demo.chaikhana.test/first/"


def _fill(blog, total, category, tag):
    while Post.objects.count() < total:
        post = PostFactory(blog=BlogFactory() if blog is None else blog)
        post.categories.add(category)
        post.tags.add(tag)


class FeedQueryCountTests:
    @pytest.mark.parametrize(
        "path",
        ["feed/", "feed/atom/", "category/c/feed/", "tag/t/feed/atom/", "author/{author}/feed/"],
    )
    def test_blog_feeds_do_not_grow_with_posts(
        self, client, blog, path, django_assert_max_num_queries
    ):
        category, tag = CategoryFactory(blog=blog, slug="c"), TagFactory(blog=blog, slug="t")
        author = blog.memberships.get().slug
        counts = []
        for total in (5, 15):
            _fill(blog, total, category, tag)
            with django_assert_max_num_queries(7) as captured:
                response = client.get(f"/@{blog.name}/" + path.format(author=author))
            assert response.status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1]

    def test_network_feed_does_not_grow_with_posts_or_blogs(
        self, client, db, django_assert_max_num_queries
    ):
        category, tag = CategoryFactory(), TagFactory()
        counts = []
        for total in (4, 9):
            _fill(None, total, category, tag)  # each post in a blog of its own
            with django_assert_max_num_queries(4) as captured:
                response = client.get("/feed/atom/")
            assert len(feedparser.parse(response.content).entries) == total
            counts.append(len(captured))
        assert counts[0] == counts[1]
