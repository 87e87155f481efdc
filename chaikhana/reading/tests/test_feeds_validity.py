"""Every feed, RSS and Atom, as a feed reader and the W3C validator's offline rules see it."""

from datetime import datetime
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import feedparser
import pytest

from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    PostFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
TRICKY_TITLE = "Жаңылыктар & <Бишкек> “үй” \"quotes\" 'өрүк'"
TRICKY_BODY = "Кыргызча **текст**: ң, ө, ү & <script>alert(1)</script> «кавычки»"


@pytest.fixture
def feeds(blog):
    """One post reachable from every kind of feed; the URLs of all ten feeds."""
    blog.title = "Голос & <Талас>"
    blog.save()
    category, tag = CategoryFactory(blog=blog, name="Саясат & «ой»"), TagFactory(blog=blog)
    post = PostFactory(blog=blog, title=TRICKY_TITLE, body_source=TRICKY_BODY, language="ky")
    post.categories.add(category)
    post.tags.add(tag)
    PostFactory(blog=blog, title="Second post", language="en")
    root = f"/@{blog.name}"
    bases = [
        "",
        root,
        f"{root}/category/{category.slug}",
        f"{root}/tag/{tag.slug}",
        f"{root}/author/{post.author.slug}",
    ]
    return [f"{base}/feed/{kind}" for base in bases for kind in ("", "atom/")]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


class FeedValidityTests:
    def test_every_feed_parses_without_errors_and_keeps_tricky_titles(self, client, feeds):
        for url in feeds:
            parsed = feedparser.parse(fetch(client, url).content)
            assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
            titles = [entry.title for entry in parsed.entries]
            assert TRICKY_TITLE in titles, (url, titles)

    def test_every_feed_links_itself_absolutely(self, client, feeds):
        for url in feeds:
            root = ElementTree.fromstring(fetch(client, url).content)  # noqa: S314 (our output)
            self_links = [
                link.get("href") for link in root.iter(f"{ATOM}link") if link.get("rel") == "self"
            ]
            assert self_links == [f"http://testserver{url}"], url

    def test_rss_dates_are_rfc_822_and_ids_unique(self, client, feeds):
        for url in (u for u in feeds if not u.endswith("atom/")):
            channel = ElementTree.fromstring(fetch(client, url).content).find("channel")  # noqa: S314
            assert parsedate_to_datetime(channel.findtext("lastBuildDate")).tzinfo
            guids = [item.findtext("guid") for item in channel.iter("item")]
            assert len(guids) == len(set(guids)) > 0
            for item in channel.iter("item"):
                assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo
                assert item.find("guid").get("isPermaLink") == "false"

    def test_atom_dates_are_rfc_3339_ids_unique_and_feed_has_updated(self, client, feeds):
        for url in (u for u in feeds if u.endswith("atom/")):
            root = ElementTree.fromstring(fetch(client, url).content)  # noqa: S314
            assert datetime.fromisoformat(root.findtext(f"{ATOM}updated")).tzinfo
            assert root.find(f"{ATOM}author/{ATOM}name").text  # entries without a byline
            entries = root.findall(f"{ATOM}entry")
            ids = [entry.findtext(f"{ATOM}id") for entry in entries]
            assert len(ids) == len(set(ids)) > 0
            for entry in entries:
                assert datetime.fromisoformat(entry.findtext(f"{ATOM}updated")).tzinfo
                assert datetime.fromisoformat(entry.findtext(f"{ATOM}published")).tzinfo

    def test_script_in_a_post_stays_escaped_text(self, client, feeds):
        for url in feeds:
            body = fetch(client, url).content.decode()
            assert "<script" not in body

    def test_control_characters_in_titles_are_dropped_not_a_server_error(self, client, blog):
        PostFactory(blog=blog, title="Bell\x07 and\x0b tab", body_source="Form\x0cfeed")
        for url in (f"/@{blog.name}/feed/", f"/@{blog.name}/feed/atom/", "/feed/"):
            parsed = feedparser.parse(fetch(client, url).content)
            assert parsed.bozo == 0
            assert parsed.entries[0].title == "Bell and tab"

    def test_empty_blog_feed_is_still_valid_with_an_updated_date(self, client, db):
        blog = BlogFactory(title="Жаңы блог")
        for url in (f"/@{blog.name}/feed/", f"/@{blog.name}/feed/atom/"):
            parsed = feedparser.parse(fetch(client, url).content)
            assert parsed.bozo == 0 and parsed.feed.title == "Жаңы блог"
            assert parsed.entries == []
            assert parsed.feed.get("updated") or parsed.feed.get("published")
