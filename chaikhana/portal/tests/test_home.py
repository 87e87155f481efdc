"""The portal's placeholder front page."""

import pytest

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory

pytestmark = pytest.mark.django_db


class PortalHomeTests:
    def test_shows_newest_posts_of_listed_blogs_and_says_the_portal_comes_later(self, client):
        PostFactory(title="Свежая новость", excerpt="Коротко")
        PostFactory(title="Hidden", blog=BlogFactory(visibility=Blog.Visibility.UNLISTED))
        html = client.get("/").content.decode()
        assert "The edited portal will open here later" in html
        assert "Свежая новость" in html and "Коротко" in html
        assert "Hidden" not in html
        assert html.count("<h1") == 1

    def test_query_count_does_not_grow_with_posts(self, client, django_assert_max_num_queries):
        counts = []
        for total in (5, 15):
            while Post.objects.count() < total:
                PostFactory()
            with django_assert_max_num_queries(5) as captured:
                assert client.get("/").status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1]
