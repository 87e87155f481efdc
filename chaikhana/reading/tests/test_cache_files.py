"""Page files (reading/cache/files.py): what nginx serves without the app is written for the
readers nginx can tell apart, and goes the moment the page it holds goes stale — one test per
way a page changes. tests/deploy/smoke_client.py proves the nginx side with the real nginx."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest
from django.core.management import call_command

from chaikhana.blogs.actions import PostRequest, delete_post, save_requested_post, update_blog
from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.actions import approve_comment
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import CommentFactory, PostFactory, UserFactory
from chaikhana.reading.cache import files
from chaikhana.reading.tests.cache_helpers import warm, without_comment_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_files(settings, tmp_path) -> Path:
    settings.PAGE_FILES_DIR = str(tmp_path / "page-files")
    return tmp_path / "page-files"


@pytest.fixture
def blog(blog):
    return without_comment_form(blog)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def page_file(path: str, variant: str = "~x~", ext: str = "html") -> Path:
    """Where nginx looks for *path* asked by a reader with no cookie and no language."""
    return files.root() / "current" / "pages" / f"http/testserver{path}@{variant}.{ext}"


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


class WritingTests:
    def test_stored_page_is_written_plain_gzip_and_brotli_with_the_same_html(self, client, blog):
        url = blog.get_absolute_url()
        html = warm(client, url).encode()
        found = page_file(url)
        assert found.read_bytes() == html
        assert gzip.decompress(Path(f"{found}.gz").read_bytes()) == html
        assert brotli.decompress(Path(f"{found}.br").read_bytes()) == html

    def test_post_page_carries_its_no_script_policy_inside_the_file(self, client, blog):
        post = PostFactory(blog=blog)
        warm(client, post.get_absolute_url())
        head = page_file(post.get_absolute_url()).read_text()[:600]
        assert '<meta http-equiv="Content-Security-Policy" content="' in head
        assert "script-src 'none'" in head

    def test_feed_is_written_with_its_own_extension(self, client, blog):
        PostFactory(blog=blog)
        feed = blog.url("blogs:feed")
        warm(client, feed)
        assert page_file(feed, ext="rss").read_bytes().startswith(b"<?xml")

    @pytest.mark.parametrize(
        ("headers", "variant"),
        [
            ({"HTTP_ACCEPT_LANGUAGE": "ky-KG,ky;q=0.9,ru;q=0.8"}, "~ky~"),
            ({"HTTP_ACCEPT_LANGUAGE": "en"}, "~en~"),
            ({"HTTP_SAVE_DATA": "on"}, "~x~s"),
        ],
    )
    def test_each_reader_variant_gets_its_own_name(self, client, blog, headers, variant):
        warm(client, blog.get_absolute_url(), **headers)
        assert page_file(blog.get_absolute_url(), variant).exists()

    def test_language_cookie_names_the_file_before_the_header(self, client, blog):
        client.cookies["django_language"] = "ky"
        warm(client, blog.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
        assert 'lang="ky"' in page_file(blog.get_absolute_url(), "~ky~").read_text()

    @pytest.mark.parametrize(
        "headers",
        [
            # A reader whose first language is not ours, or is ours with a lower weight: the
            # app decides (nginx's maps give up on these too).
            {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9,ru;q=0.5"},
            {"HTTP_ACCEPT_LANGUAGE": "ru;q=0.4,en"},
            # A fediverse server asking for the object, not the page.
            {"HTTP_ACCEPT": "application/activity+json"},
        ],
    )
    def test_readers_nginx_cannot_match_get_no_file(self, client, blog, page_files, headers):
        warm(client, blog.get_absolute_url(), **headers)
        assert not list((page_files / "current" / "pages").rglob("*.html"))

    def test_signed_in_and_junk_query_pages_are_never_written(self, client, blog, page_files):
        warm(client, blog.get_absolute_url() + "?utm_source=x")
        client.force_login(UserFactory())
        client.get(blog.get_absolute_url())
        client.get(blog.get_absolute_url())
        assert not (page_files / "current").exists() or not list(
            (page_files / "current" / "pages").rglob("*.html")
        )

    def test_second_page_of_a_list_is_written_under_its_number(self, client, blog, settings):
        for _ in range(12):
            PostFactory(blog=blog)
        warm(client, blog.get_absolute_url() + "?page=2")
        assert page_file(blog.get_absolute_url(), "p2~x~").exists()

    def test_a_change_racing_the_render_leaves_no_file(self, client, blog, monkeypatch):
        from django.core.cache import cache

        from chaikhana.reading.cache.keys import blog_lists_dep, generation_key

        url = blog.get_absolute_url()
        client.get(url)  # learn the dependencies
        real_write = files.write

        def write_after_a_bump(name, body, deps):
            # A post published between the render and the file: its bump found no link yet.
            cache.incr(generation_key(blog_lists_dep(blog.pk)))
            return real_write(name, body, deps)

        monkeypatch.setattr(files, "write", write_after_a_bump)
        client.get(url)
        assert not page_file(url).exists()


class StaleFileTests:
    """Every way a page changes removes its file before the next reader asks for it."""

    def test_publishing_removes_the_blog_home_and_its_feed(self, client, blog, user, commit):
        PostFactory(blog=blog)
        home, feed = blog.get_absolute_url(), blog.url("blogs:feed")
        warm(client, home)
        warm(client, feed)
        with commit():
            save_requested_post(
                blog=blog, by=user, request=PostRequest(title="Свежий", status="published")
            )
        assert not page_file(home).exists()
        assert not page_file(feed, ext="rss").exists()

    def test_editing_removes_the_post_page(self, client, blog, user, commit):
        post = PostFactory(blog=blog, title="Старый")
        warm(client, post.get_absolute_url())
        with commit():
            edit(post, user, "Новый")
        assert not page_file(post.get_absolute_url()).exists()
        assert "Новый" in warm(client, post.get_absolute_url())
        assert "Новый" in page_file(post.get_absolute_url()).read_text()

    def test_deleting_removes_the_post_page(self, client, blog, user, commit):
        post = PostFactory(blog=blog)
        warm(client, post.get_absolute_url())
        with commit():
            delete_post(post=post, by=user)
        assert not page_file(post.get_absolute_url()).exists()

    def test_approving_a_comment_removes_the_post_page(self, client, blog, user, commit):
        post = PostFactory(blog=blog)
        comment = CommentFactory(post=post, status=Comment.Status.PENDING)
        warm(client, post.get_absolute_url())
        with commit():
            approve_comment(comment=comment, by=user)
        assert not page_file(post.get_absolute_url()).exists()

    def test_theme_change_removes_every_page_of_the_blog(self, client, blog, user, commit):
        post = PostFactory(blog=blog)
        warm(client, post.get_absolute_url())
        warm(client, blog.get_absolute_url())
        with commit():
            update_blog(blog=blog, by=user, theme=Blog.Theme.PHOTO)
        assert not page_file(post.get_absolute_url()).exists()
        assert not page_file(blog.get_absolute_url()).exists()

    def test_suspension_removes_the_blogs_pages(self, client, blog, commit):
        from chaikhana.network.actions import suspend_blog

        post = PostFactory(blog=blog)
        warm(client, post.get_absolute_url())
        staff = UserFactory(is_staff=True, is_superuser=True)
        with commit():
            suspend_blog(blog=blog, by=staff, reason="spam")
        assert not page_file(post.get_absolute_url()).exists()
        assert client.get(post.get_absolute_url()).status_code != 200

    def test_network_settings_change_empties_every_file_at_once(self, client, blog, commit):
        from chaikhana.network import actions as network_actions

        post = PostFactory(blog=blog)
        warm(client, post.get_absolute_url())
        staff = UserFactory(is_staff=True, is_superuser=True)
        with commit():
            network_actions.update_network_settings(by=staff, name="Teahouse of Osh")
        assert not page_file(post.get_absolute_url()).exists()
        assert "Teahouse of Osh" in warm(client, post.get_absolute_url())

    def test_pseudonym_on_a_portal_story_removes_the_original_posts_page(self, client, commit):
        from chaikhana.portal.actions.submissions import set_byline
        from chaikhana.portal.models import PortalRole
        from chaikhana.portal.tests.factories import staff, submission_in
        from chaikhana.portal.workflow import State

        submission = submission_in(State.PUBLISHED)
        url = submission.original.get_absolute_url()
        assert "Featured on the portal" in warm(client, url)
        with commit():
            set_byline(
                submission=submission,
                by=staff(PortalRole.Role.EDITOR_IN_CHIEF),
                pseudonym="Ветер",
            )
        assert not page_file(url).exists()
        assert "/portal/stories/" not in warm(client, url)

    def test_portal_story_pages_stay_with_the_app_where_views_are_counted(self, client):
        from chaikhana.portal.tests.factories import submission_in
        from chaikhana.portal.workflow import State

        story = submission_in(State.PUBLISHED).story
        warm(client, f"/portal/stories/{story.slug}/")
        assert not page_file(f"/portal/stories/{story.slug}/").exists()


class CommandTests:
    def test_clear_empties_and_expire_keeps_fresh_files(self, client, blog, page_files):
        warm(client, blog.get_absolute_url())
        call_command("page_files", "expire")
        assert page_file(blog.get_absolute_url()).exists()
        call_command("page_files", "clear")
        assert not page_file(blog.get_absolute_url()).exists()
        assert len(list(page_files.glob("gen-*"))) == 1

    def test_nginx_headers_carry_the_sites_policy(self, capsys):
        call_command("page_files", "nginx")
        out = capsys.readouterr().out
        assert "add_header Content-Security-Policy" in out
        assert "default-src 'self'" in out
        assert "frame-ancestors 'none'" in out
