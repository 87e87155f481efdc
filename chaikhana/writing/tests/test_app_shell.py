"""The app shell (core/app_base.html) as the blog dashboard wears it."""

import pytest
from django.urls import reverse

from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.writing.tests.helpers import client_for

pytestmark = pytest.mark.django_db


class AppShellTests:
    def test_marks_the_page_you_are_on_in_the_side_bar_when_on_the_posts_list(self, user, blog):
        page = client_for(user).get(reverse("writing:posts", args=[blog.name])).content.decode()
        posts = reverse("writing:posts", args=[blog.name])
        assert f'<a href="{posts}" aria-current="page">' in page
        assert f'<a href="{reverse("media:library", args=[blog.name])}">' in page

    def test_marks_the_posts_section_when_editing_a_post(self, user, blog):
        post = PostFactory(blog=blog)
        url = reverse("writing:post_edit", args=[blog.name, post.pk])
        page = client_for(user).get(url).content.decode()
        posts = reverse("writing:posts", args=[blog.name])
        assert f'<a href="{posts}" aria-current="true">' in page

    def test_blog_switcher_lists_every_blog_she_writes_for(self, user, blog):
        other = BlogFactory(owner=user, title="Second notebook")
        page = client_for(user).get(reverse("writing:dashboard")).content.decode()
        assert 'class="app-switcher"' in page
        assert reverse("writing:posts", args=[other.name]) in page and "Second notebook" in page

    def test_loads_the_app_stylesheet_and_not_the_public_one_when_signed_in(self, user, blog):
        page = client_for(user).get(reverse("writing:dashboard")).content.decode()
        assert "css/app.css" in page and "css/chaikhana.css" not in page

    def test_public_pages_do_not_load_the_app_stylesheet_when_reading_a_blog(self, client, blog):
        post = PostFactory(blog=blog)
        page = client.get(post.get_absolute_url()).content.decode()
        assert "css/app.css" not in page
