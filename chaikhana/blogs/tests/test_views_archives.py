"""A blog's archives: category (with sub-categories), tag, author and month."""

from datetime import datetime

import pytest
from django.utils import timezone

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def at(year, month, day=15):
    return datetime(year, month, day, 12, tzinfo=timezone.get_current_timezone())


class CategoryArchiveTests:
    def test_lists_posts_of_the_category_and_its_children(self, client, blog):
        news = CategoryFactory(blog=blog, name="Новости", slug="news")
        local = CategoryFactory(blog=blog, name="Местные", parent=news)
        PostFactory(blog=blog, title="Общая новость").categories.add(news)
        PostFactory(blog=blog, title="Новость из Нарына").categories.add(local)
        PostFactory(blog=blog, title="Рецепт плова")
        html = page(client, f"/@{blog.name}/category/news/")
        assert '<h1 class="page-title">Новости</h1>' in html
        assert "Общая новость" in html and "Новость из Нарына" in html
        assert "Рецепт плова" not in html

    def test_lists_a_post_in_parent_and_child_once(self, client, blog):
        news = CategoryFactory(blog=blog, slug="news")
        local = CategoryFactory(blog=blog, parent=news)
        PostFactory(blog=blog, title="Twice filed").categories.add(news, local)
        assert page(client, f"/@{blog.name}/category/news/").count("Twice filed") == 1

    def test_survives_a_cycle_in_the_category_tree(self, client, blog):
        a = CategoryFactory(blog=blog, slug="a")
        b = CategoryFactory(blog=blog, parent=a)
        a.parent = b
        a.save()
        PostFactory(blog=blog, title="Loop").categories.add(b)
        assert "Loop" in page(client, f"/@{blog.name}/category/a/")

    def test_category_of_another_blog_is_404(self, client, blog):
        CategoryFactory(blog=BlogFactory(), slug="elsewhere")
        assert client.get(f"/@{blog.name}/category/elsewhere/").status_code == 404

    def test_hides_private_posts_from_strangers(self, client, blog):
        news = CategoryFactory(blog=blog, slug="news")
        PostFactory(blog=blog, title="Secret", status=Post.Status.PRIVATE).categories.add(news)
        assert "Secret" not in page(client, f"/@{blog.name}/category/news/")

    def test_query_count_does_not_grow_with_posts(
        self, client, blog, django_assert_max_num_queries
    ):
        news = CategoryFactory(blog=blog, slug="news")
        CategoryFactory(blog=blog, parent=news)
        counts = []
        for total in (5, 15):
            while Post.objects.filter(blog=blog).count() < total:
                PostFactory(blog=blog).categories.add(news)
            Blog.objects.filter(pk=blog.pk).update(posts_per_page=total)
            with django_assert_max_num_queries(8) as captured:
                html = page(client, f"/@{blog.name}/category/news/")
            assert html.count("<article") == total
            counts.append(len(captured))
        assert counts[0] == counts[1]


class TagArchiveTests:
    def test_lists_posts_with_the_tag(self, client, blog):
        tag = TagFactory(blog=blog, name="горы", slug="gory")
        PostFactory(blog=blog, title="Поход на Ала-Арчу").tags.add(tag)
        PostFactory(blog=blog, title="Городская жизнь")
        html = page(client, f"/@{blog.name}/tag/gory/")
        assert "горы" in html.split('<h1 class="page-title">')[1]
        assert "Поход на Ала-Арчу" in html
        assert "Городская жизнь" not in html

    def test_unknown_tag_is_404(self, client, blog):
        assert client.get(f"/@{blog.name}/tag/nothing/").status_code == 404

    def test_query_count_does_not_grow_with_posts(
        self, client, blog, django_assert_max_num_queries
    ):
        tag = TagFactory(blog=blog, slug="t")
        counts = []
        for total in (5, 15):
            while Post.objects.filter(blog=blog).count() < total:
                PostFactory(blog=blog).tags.add(tag)
            Blog.objects.filter(pk=blog.pk).update(posts_per_page=total)
            with django_assert_max_num_queries(7) as captured:
                assert page(client, f"/@{blog.name}/tag/t/").count("<article") == total
            counts.append(len(captured))
        assert counts[0] == counts[1]


class AuthorArchiveTests:
    def test_shows_the_pen_name_and_never_the_username(self, client, db):
        writer = UserFactory(username="aigul-real-account")
        blog = BlogFactory()
        member = MembershipFactory(blog=blog, user=writer, pen_name="Тоо Кызы", slug="too-kyzy")
        PostFactory(blog=blog, author=member, title="Письмо из аила")
        PostFactory(blog=blog, title="Somebody else")
        html = page(client, f"/@{blog.name}/author/too-kyzy/")
        assert '<h1 class="page-title">Тоо Кызы</h1>' in html
        assert "Письмо из аила" in html
        assert "Somebody else" not in html
        assert "aigul-real-account" not in html

    def test_unknown_author_is_404(self, client, blog):
        assert client.get(f"/@{blog.name}/author/nobody/").status_code == 404

    def test_query_count_does_not_grow_with_posts(
        self, client, blog, django_assert_max_num_queries
    ):
        author = blog.memberships.get()
        counts = []
        for total in (5, 15):
            while Post.objects.filter(blog=blog).count() < total:
                PostFactory(blog=blog)
            Blog.objects.filter(pk=blog.pk).update(posts_per_page=total)
            with django_assert_max_num_queries(7) as captured:
                html = page(client, f"/@{blog.name}/author/{author.slug}/")
            assert html.count("<article") == total
            counts.append(len(captured))
        assert counts[0] == counts[1]


class MonthArchiveTests:
    def test_lists_posts_of_that_month_only(self, client, blog):
        PostFactory(blog=blog, title="Мартовский", published_at=at(2024, 3))
        PostFactory(blog=blog, title="Last of March", published_at=at(2024, 3, 31))
        PostFactory(blog=blog, title="Апрельский", published_at=at(2024, 4, 1))
        html = page(client, f"/@{blog.name}/2024/03/")
        assert "Мартовский" in html and "Last of March" in html
        assert "Апрельский" not in html

    def test_december_ends_at_the_new_year(self, client, blog):
        PostFactory(blog=blog, title="New Year Eve", published_at=at(2023, 12, 31))
        PostFactory(blog=blog, title="January", published_at=at(2024, 1, 1))
        html = page(client, f"/@{blog.name}/2023/12/")
        assert "New Year Eve" in html and "January" not in html

    @pytest.mark.parametrize("path", ["2024/13", "2024/00", "0/05", "99999/01"])
    def test_invalid_month_is_404(self, client, blog, path):
        assert client.get(f"/@{blog.name}/{path}/").status_code == 404

    def test_query_count_does_not_grow_with_posts(
        self, client, blog, django_assert_max_num_queries
    ):
        counts = []
        for total in (5, 15):
            while Post.objects.filter(blog=blog).count() < total:
                PostFactory(blog=blog, published_at=at(2024, 5))
            Blog.objects.filter(pk=blog.pk).update(posts_per_page=total)
            with django_assert_max_num_queries(6) as captured:
                assert page(client, f"/@{blog.name}/2024/05/").count("<article") == total
            counts.append(len(captured))
        assert counts[0] == counts[1]
