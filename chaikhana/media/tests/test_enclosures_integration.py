"""Feeds carry the sound and PDF files a post links to as enclosures."""

from __future__ import annotations

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chaikhana.core.testing.factories import PostFactory
from chaikhana.media.tests.helpers import MP3, PDF, image_bytes

pytestmark = pytest.mark.django_db


def _feed(client, blog, path="feed/"):
    response = client.get(blog.get_absolute_url() + path)
    assert response.status_code == 200
    return feedparser.parse(response.content)


class EnclosureTests:
    def test_rss_reader_sees_the_linked_podcast_episode(self, client, blog, upload):
        episode = upload(MP3, "episode.mp3")
        PostFactory(blog=blog, body_source=f"[Listen]({episode.url})")
        entry = _feed(client, blog).entries[0]
        enclosure = entry.enclosures[0]
        assert enclosure.href == f"http://testserver{episode.url}"
        assert enclosure.type == "audio/mpeg" and int(enclosure.length) == episode.size

    def test_atom_reader_sees_each_file_once(self, client, blog, upload):
        episode, report = upload(MP3, "e.mp3"), upload(PDF, "report.pdf")
        photo = upload(image_bytes("PNG"), "p.png")
        body = f"[a]({episode.url}) [again]({episode.url}) [r]({report.url}) ![p]({photo.url})"
        PostFactory(blog=blog, body_source=body)
        links = _feed(client, blog, "feed/atom/").entries[0].enclosures
        assert [link.type for link in links] == ["audio/mpeg", "application/pdf"]

    def test_feed_queries_do_not_grow_with_enclosures(self, client, blog, upload):
        counts = []
        for _ in range(2):
            episode = upload(MP3, "e.mp3")
            PostFactory(blog=blog, body_source=f"[a]({episode.url})")
            with CaptureQueriesContext(connection) as queries:
                _feed(client, blog)
            counts.append(len(queries))
        assert counts[0] == counts[1]
