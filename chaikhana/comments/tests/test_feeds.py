"""Comment feeds stay valid XML whatever a commenter typed."""

import feedparser
import pytest
from django.test import Client

from chaikhana.core.testing.factories import CommentFactory


class CommentFeedXmlTests:
    @pytest.mark.parametrize(
        "path", ["comments/feed/", "comments/feed/atom/", "{slug}/comments/feed/"]
    )
    def test_feed_answers_and_parses_when_a_comment_carries_control_characters(self, post, path):
        CommentFactory(post=post, name="Vertical\x0btab", body_source="Form\x0cfeed \x0b body")
        url = f"/@{post.blog.name}/" + path.format(slug=post.slug)
        response = Client().get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert "Verticaltab" in feed.entries[0].title
        assert "\x0b" not in response.content.decode()
