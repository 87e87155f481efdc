"""A missing page inside a blog keeps the blog's name, theme and search."""

import pytest

from chaikhana.blogs.models import Blog
from chaikhana.core.testing.factories import BlogFactory

pytestmark = pytest.mark.django_db


class BlogNotFoundTests:
    def test_missing_post_shows_the_blogs_name_theme_and_search_when_inside_a_blog(self, client):
        blog = BlogFactory(name="osh", title="Ошские заметки", theme=Blog.Theme.PHOTO)
        response = client.get("/@osh/no-such-post/", HTTP_ACCEPT_LANGUAGE="ru")
        html = response.content.decode()
        assert response.status_code == 404
        assert "Ошские заметки" in html and 'class="theme-photo"' in html
        assert "Страница не найдена" in html
        assert f'action="{blog.url("blogs:search")}"' in html and 'href="/@osh/"' in html

    def test_missing_page_under_a_private_blog_says_nothing_of_the_blog(self, client):
        BlogFactory(name="secret", title="Тайный дневник", visibility=Blog.Visibility.PRIVATE)
        response = client.get("/@secret/anything/")
        assert response.status_code == 404
        assert "Тайный дневник" not in response.content.decode()

    def test_missing_blog_gets_the_networks_page(self, client):
        response = client.get("/@nobody-here/post/", HTTP_ACCEPT_LANGUAGE="ky")
        assert response.status_code == 404 and "Барак табылган жок" in response.content.decode()

    def test_missing_page_on_a_blogs_own_host_stays_in_the_blog(self, client, settings):
        settings.BLOG_HOST_MODE, settings.BLOG_DOMAIN = "subdomain", "blogs.example"
        settings.ALLOWED_HOSTS = [".blogs.example"]
        BlogFactory(name="osh", title="Ошские заметки")
        response = client.get("/no-such-post/", HTTP_HOST="osh.blogs.example")
        assert response.status_code == 404 and "Ошские заметки" in response.content.decode()
