"""The network's directory of blogs at /blogs/."""

import pytest

from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.views.network import BLOGS_PER_PAGE
from chaikhana.core.testing.factories import BlogFactory, PostFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


class DirectoryTests:
    def test_lists_public_blogs_and_their_newest_posts(self, client, db):
        blog = BlogFactory(title="Голос Таласа", tagline="Новости долины")
        PostFactory(blog=blog, title="Урожай этого года", excerpt="Картофель уродился")
        html = page(client, "/blogs/")
        assert f'<a href="/@{blog.name}/">Голос Таласа</a>' in html
        assert "Новости долины" in html
        assert "Урожай этого года" in html
        assert "Картофель уродился" in html

    def test_leaves_out_unlisted_and_private_blogs_and_their_posts(self, client, db):
        for visibility in (Blog.Visibility.UNLISTED, Blog.Visibility.PRIVATE):
            hidden = BlogFactory(title=f"Hidden {visibility}", visibility=visibility)
            PostFactory(blog=hidden, title=f"Post of {visibility}")
        html = page(client, "/blogs/")
        assert "Hidden" not in html
        assert "Post of" not in html

    def test_leaves_out_drafts_and_private_posts(self, client, blog):
        PostFactory(blog=blog, title="Draft", status=Post.Status.DRAFT)
        PostFactory(blog=blog, title="Secret", status=Post.Status.PRIVATE)
        html = page(client, "/blogs/")
        assert "Draft" not in html and "Secret" not in html

    def test_pages_through_many_blogs(self, client, db):
        BlogFactory.create_batch(BLOGS_PER_PAGE + 1)
        assert page(client, "/blogs/").count("<li lang=") == BLOGS_PER_PAGE
        assert page(client, "/blogs/?page=2").count("<li lang=") == 1
        assert client.get("/blogs/?page=3").status_code == 404
        assert client.get("/blogs/?page=x").status_code == 404

    def test_query_count_does_not_grow_with_posts_or_blogs(
        self, client, db, django_assert_max_num_queries
    ):
        counts = []
        for total in (5, 15):
            while Post.objects.count() < total:
                PostFactory()
            with django_assert_max_num_queries(6) as captured:
                page(client, "/blogs/")
            counts.append(len(captured))
        assert counts[0] == counts[1]
