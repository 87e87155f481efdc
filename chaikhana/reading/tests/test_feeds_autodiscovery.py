"""Every public page links its feeds with <link rel="alternate">, and every link answers."""

from html.parser import HTMLParser

import pytest

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import CategoryFactory, PostFactory, TagFactory

pytestmark = pytest.mark.django_db
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json"}


class _AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # The ActivityPub object is an alternate too, not a feed (federation's own tests).
        kind = attributes.get("type")
        if tag == "link" and attributes.get("rel") == "alternate" and kind in FEED_TYPES | {None}:
            self.links.append((attributes["type"], attributes["href"], attributes.get("title")))


def alternate_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parser = _AlternateLinks()
    parser.feed(response.content.decode())
    return parser.links


@pytest.fixture
def pages(blog):
    """One URL of each kind of public page, with the feeds it should offer first."""
    category, tag = CategoryFactory(blog=blog, slug="c"), TagFactory(blog=blog, slug="t")
    post = PostFactory(blog=blog, slug="hello")
    post.categories.add(category)
    post.tags.add(tag)
    PostFactory(blog=blog, slug="about", kind=Post.Kind.PAGE)
    root, month = f"/@{blog.name}", f"{post.published_at:%Y/%m}"
    return {
        "/": "/portal/feed/",  # the front page's own feed: the edited stories
        "/blogs/": "/feed/",
        "/accounts/login/": "/feed/",
        f"{root}/": f"{root}/feed/",
        f"{root}/hello/": f"{root}/feed/",
        f"{root}/about/": f"{root}/feed/",
        f"{root}/{month}/": f"{root}/feed/",
        f"{root}/category/c/": f"{root}/category/c/feed/",
        f"{root}/tag/t/": f"{root}/tag/t/feed/",
        f"{root}/author/{post.author.slug}/": f"{root}/author/{post.author.slug}/feed/",
    }


class FeedAutodiscoveryTests:
    def test_every_page_offers_its_own_feed_first(self, client, pages):
        for url, first_feed in pages.items():
            links = alternate_links(client, url)
            assert links, url
            assert links[0][:2] == ("application/rss+xml", first_feed), (url, links)
            assert all(title for _type, _href, title in links), url

    def test_every_alternate_link_answers_with_its_type(self, client, pages):
        checked = set()
        for url in pages:
            for kind, href, _title in alternate_links(client, url):
                assert kind in FEED_TYPES
                if href in checked:
                    continue
                response = client.get(href)
                assert response.status_code == 200, (url, href)
                assert response["Content-Type"].split(";")[0] == kind, (url, href)
                checked.add(href)
        # network, blog, category, tag, author, and the comments of the post and of the page
        # visited: RSS, Atom and JSON Feed each
        assert len(checked) == 24  # + the portal feed, RSS, Atom and JSON

    def test_archives_offer_the_blogs_feeds_too(self, client, pages, blog):
        hrefs = [href for _kind, href, _title in alternate_links(client, f"/@{blog.name}/tag/t/")]
        assert hrefs == [
            f"/@{blog.name}/tag/t/feed/",
            f"/@{blog.name}/tag/t/feed/atom/",
            f"/@{blog.name}/tag/t/feed/json/",
            f"/@{blog.name}/feed/",
            f"/@{blog.name}/feed/atom/",
            f"/@{blog.name}/feed/json/",
        ]

    def test_blog_host_pages_link_feeds_on_that_host(self, client, settings, pages, blog):
        settings.BLOG_HOST_MODE = "subdomain"
        settings.BLOG_DOMAIN = "chaikhana.test"
        settings.ALLOWED_HOSTS = [".chaikhana.test"]
        host = f"{blog.name}.chaikhana.test"
        response = client.get("/tag/t/", HTTP_HOST=host)
        parser = _AlternateLinks()
        parser.feed(response.content.decode())
        assert parser.links[0][1] == f"//{host}/tag/t/feed/"
        feed = client.get("/tag/t/feed/", HTTP_HOST=host)
        assert feed.status_code == 200
