"""The anonymous page cache never serves a page that a write has made stale, and clears
nothing else (docs/architecture.md, "Page cache")."""

from __future__ import annotations

import pytest

from chaikhana.blogs import signals
from chaikhana.blogs.actions import (
    PostRequest,
    delete_post,
    rerender_posts,
    save_requested_post,
    update_blog,
)
from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import BlogFactory, PostFactory
from chaikhana.reading.cache import invalidate_post
from chaikhana.reading.tests.cache_helpers import served_from_cache, warm, without_comment_form


def edit(post: Post, user, title: str) -> Post:
    data = PostRequest(
        title=title,
        body_source=post.body_source,
        slug=post.slug,
        language=post.language,
        status=post.status,
        published_at=post.published_at,
    )
    return save_requested_post(blog=post.blog, by=user, request=data, post=post)


@pytest.fixture
def blog(blog):
    return without_comment_form(blog)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what actions schedule after commit (their signals), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


class PageCacheTests:
    def test_second_visit_is_served_without_touching_the_database(self, client, blog):
        post = PostFactory(blog=blog, title="Кешированный")
        url = post.get_absolute_url()
        assert "Кешированный" in warm(client, url)
        assert served_from_cache(client, url)

    def test_signed_in_reader_never_gets_the_stored_page(self, client, blog, user):
        post = PostFactory(blog=blog)
        url = post.get_absolute_url()
        warm(client, url)
        client.force_login(user)
        html = client.get(url).content.decode()
        assert "Log out" in html

    def test_language_is_part_of_the_key(self, client, blog):
        url = blog.get_absolute_url()
        warm(client, url, HTTP_ACCEPT_LANGUAGE="en")
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="ky").content.decode()
        assert '<option value="ky" lang="ky" selected>' in html

    def test_unknown_query_parameters_are_rendered_but_not_stored(self, client, blog):
        url = blog.get_absolute_url() + "?utm_source=x"
        warm(client, url)
        assert not served_from_cache(client, url)


class StalePageTests:
    def test_publishing_shows_the_new_post_on_blog_home_and_network_feed(
        self, client, blog, user, commit
    ):
        # The front page shows edited stories now; the network feed lists bloggers' posts.
        warm(client, blog.get_absolute_url())
        warm(client, "/feed/")
        with commit():
            save_requested_post(
                blog=blog,
                by=user,
                request=PostRequest(title="Свежий", status=Post.Status.PUBLISHED),
            )
        assert "Свежий" in client.get(blog.get_absolute_url()).content.decode()
        assert "Свежий" in client.get("/feed/").content.decode()

    def test_editing_shows_the_new_title_on_post_and_feed(self, client, blog, user, commit):
        post = PostFactory(blog=blog, title="Старый заголовок")
        feed = blog.url("blogs:feed")
        warm(client, post.get_absolute_url())
        warm(client, feed)
        with commit():
            edit(post, user, "Новый заголовок")
        assert "Новый заголовок" in client.get(post.get_absolute_url()).content.decode()
        assert "Новый заголовок" in client.get(feed).content.decode()

    def test_re_rendering_bodies_serves_the_new_html(self, client, blog, commit):
        post = PostFactory(blog=blog, body_format=Post.Format.HTML, body_source="<p>Текст</p>")
        stale = '<p class="tracker">Текст</p>'  # what an older sanitiser kept
        Post.objects.filter(pk=post.pk).update(body_html=stale)
        assert "tracker" in warm(client, post.get_absolute_url())
        with commit():
            rerender_posts(blog=blog)
        assert "tracker" not in client.get(post.get_absolute_url()).content.decode()

    def test_deleting_removes_the_post_and_its_page(self, client, blog, user, commit):
        post = PostFactory(blog=blog, title="Удаляемый")
        url = post.get_absolute_url()
        warm(client, url)
        warm(client, blog.get_absolute_url())
        with commit():
            delete_post(post=post, by=user)
        assert client.get(url).status_code == 404
        assert "Удаляемый" not in client.get(blog.get_absolute_url()).content.decode()

    def test_theme_change_restyles_every_page_of_the_blog(self, client, blog, user, commit):
        post = PostFactory(blog=blog)
        warm(client, post.get_absolute_url())
        warm(client, blog.get_absolute_url())
        with commit():
            update_blog(blog=blog, by=user, theme=Blog.Theme.PHOTO)
        assert '<body class="theme-photo ' in client.get(post.get_absolute_url()).content.decode()
        assert '<body class="theme-photo ' in client.get(blog.get_absolute_url()).content.decode()

    def test_title_change_reaches_the_directory(self, client, blog, user, commit):
        warm(client, "/blogs/")
        with commit():
            update_blog(blog=blog, by=user, title="Новое имя блога")
        assert "Новое имя блога" in client.get("/blogs/").content.decode()

    def test_invalidate_post_serves_a_fresh_page(self, client, blog):
        post = PostFactory(blog=blog, title="До")
        url = post.get_absolute_url()
        warm(client, url)
        Post.objects.filter(pk=post.pk).update(title="После")  # no model signal
        assert "До" in client.get(url).content.decode()  # stored, as a comment would leave it
        invalidate_post(post.pk)  # what comments' comment_approved receiver calls
        assert "После" in client.get(url).content.decode()

    def test_post_changed_signal_alone_invalidates(self, client, blog):
        post = PostFactory(blog=blog, title="До")
        warm(client, post.get_absolute_url())
        Post.objects.filter(pk=post.pk).update(title="После")  # no model signal
        signals.post_changed.send(Post, post_id=post.pk)
        assert "После" in client.get(post.get_absolute_url()).content.decode()

    def test_blog_changed_signal_alone_invalidates(self, client, blog):
        warm(client, blog.get_absolute_url())
        Blog.objects.filter(pk=blog.pk).update(tagline="Новый девиз")
        signals.blog_changed.send(Blog, blog_id=blog.pk)
        assert "Новый девиз" in client.get(blog.get_absolute_url()).content.decode()


class ExactInvalidationTests:
    def test_editing_one_post_leaves_other_pages_stored(self, client, blog, user, commit):
        post_a, post_b = PostFactory(blog=blog), PostFactory(blog=blog)
        other = without_comment_form(BlogFactory())
        other_post = PostFactory(blog=other)
        stored = [post_b.get_absolute_url(), other.get_absolute_url()]
        stored.append(other_post.get_absolute_url())
        for url in [post_a.get_absolute_url(), *stored]:
            warm(client, url)
        with commit():
            edit(post_a, user, "Изменённый A")
        assert "Изменённый A" in client.get(post_a.get_absolute_url()).content.decode()
        assert all(served_from_cache(client, url) for url in stored)

    def test_theme_change_leaves_the_network_pages_stored(self, client, blog, user, commit):
        warm(client, "/blogs/")
        with commit():
            update_blog(blog=blog, by=user, theme=Blog.Theme.PHOTO)
        assert served_from_cache(client, "/blogs/")

    def test_post_on_unlisted_blog_leaves_the_portal_stored(self, client, user, commit):
        blog = BlogFactory(owner=user, visibility=Blog.Visibility.UNLISTED)
        warm(client, "/")
        with commit():
            save_requested_post(
                blog=blog, by=user, request=PostRequest(title="Тихо", status="published")
            )
        assert served_from_cache(client, "/")


class NetworkSettingsInvalidationTests:
    def test_changing_the_network_name_leaves_no_stored_page_behind(self, client, db):
        from chaikhana.core.testing.factories import UserFactory
        from chaikhana.network import actions as network_actions

        blog = without_comment_form(BlogFactory())
        url = PostFactory(blog=blog).get_absolute_url()
        warm(client, url)
        assert served_from_cache(client, url)
        staff = UserFactory(is_staff=True, is_superuser=True)
        network_actions.update_network_settings(by=staff, name="Teahouse of Osh")
        assert "Teahouse of Osh" in client.get(url).content.decode()
