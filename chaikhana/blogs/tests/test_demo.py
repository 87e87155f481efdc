"""The demo network: what `manage.py demo` promises on an empty and on a filled database."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Category, Membership, Post, Revision
from chaikhana.blogs.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def demo(media_root: Path) -> Path:
    call_command("demo", blogs=5, posts=40)
    return media_root


class DemoCommandTests:
    def test_demo_user_owns_demo_blog_and_logs_in_with_the_published_password(self, demo):
        owner = Membership.objects.get(blog__name="demo", role=Role.OWNER)
        assert owner.user.username == "demo"
        assert authenticate(username="demo", password="demo-password") == owner.user

    def test_demo_blog_shows_every_status_a_page_categories_and_tags(self, demo):
        blog = Blog.objects.get(name="demo")
        statuses = set(blog.posts.posts().values_list("status", flat=True))
        assert statuses == set(Post.Status.values)
        assert blog.posts.pages().filter(slug="about", status=Post.Status.PUBLISHED).exists()
        assert blog.categories.filter(parent__isnull=False).exists()
        assert blog.tags.exists()

    def test_blogs_are_written_in_all_three_languages(self, demo):
        assert set(Blog.objects.values_list("language", flat=True)) == {"ru", "ky", "en"}
        assert Blog.objects.count() == 5
        assert Post.objects.posts().count() == 40

    def test_photo_blog_posts_have_cover_images_that_exist(self, demo):
        photos = Post.objects.posts().filter(blog__name="kamera")
        assert photos.exists()
        for post in photos:
            assert post.cover_image.startswith("/media/demo/")
            assert (demo / post.cover_image.removeprefix("/media/")).stat().st_size > 20_000

    def test_posts_have_rendered_html_and_no_lorem_ipsum(self, demo):
        for post in Post.objects.all():
            assert post.body_html.startswith("<")
            assert post.word_count > 0
            assert post.summary
            assert "lorem" not in post.body_source.lower()

    def test_slugs_are_unique_within_each_blog(self, demo):
        pairs = list(Post.objects.values_list("blog_id", "slug"))
        assert len(pairs) == len(set(pairs))

    def test_small_demo_keeps_one_revision_per_post(self, demo):
        assert Revision.objects.count() == Post.objects.count()

    def test_some_writers_keep_two_blogs_under_different_pen_names(self, media_root):
        call_command("demo", blogs=40, posts=80)
        owners = Membership.objects.filter(role=Role.OWNER)
        pen_names: dict[int, set[str]] = {}
        for membership in owners:
            pen_names.setdefault(membership.user_id, set()).add(membership.pen_name)
        assert any(len(names) == 2 for names in pen_names.values())
        assert Membership.objects.exclude(role=Role.OWNER).exists()
        assert Category.objects.filter(blog__language="ky").exists()


class DemoOnFilledDatabaseTests:
    def test_refuses_when_blogs_exist(self, blog, media_root):
        with pytest.raises(CommandError, match="already has blogs"):
            call_command("demo", blogs=3, posts=5)
        assert Blog.objects.count() == 1

    def test_if_empty_says_so_and_changes_nothing(self, blog, media_root, capsys):
        call_command("demo", blogs=3, posts=5, if_empty=True)
        assert "database not empty, demo not loaded" in capsys.readouterr().out
        assert Blog.objects.count() == 1
        assert not Post.objects.exists()


class DemoDeterminismTests:
    def test_same_seed_gives_same_titles(self, media_root):
        call_command("demo", blogs=4, posts=30, seed=7)
        first = _titles()
        _empty_database()
        call_command("demo", blogs=4, posts=30, seed=7)
        assert _titles() == first

    def test_other_seed_gives_other_titles(self, media_root):
        call_command("demo", blogs=4, posts=30, seed=7)
        first = _titles()
        _empty_database()
        call_command("demo", blogs=4, posts=30, seed=8)
        assert _titles() != first


def _empty_database() -> None:
    Blog.objects.all().delete()
    User.objects.all().delete()


def _titles() -> list[tuple[str, str]]:
    return list(Post.objects.order_by("blog__name", "slug").values_list("blog__name", "title"))
