"""The reader's river at /reader/: what she follows, newest first, only what she may read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from chaikhana.blogs.models import Blog, Post
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
)
from chaikhana.reading.following.actions import follow_blog, follow_tag

pytestmark = pytest.mark.django_db


def river(client, url="/reader/"):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def ago(hours):
    return timezone.now() - timedelta(hours=hours)


class ReaderTests:
    def test_needs_login(self, client, db):
        response = client.get("/reader/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_empty_river_points_to_the_directory(self, client, user):
        client.force_login(user)
        assert 'href="/blogs/"' in river(client)

    def test_shows_followed_blogs_and_tags_newest_first(self, client, user):
        followed, other = BlogFactory(title="Followed blog"), BlogFactory()
        PostFactory(blog=followed, title="Old from blog", published_at=ago(3))
        PostFactory(blog=other, title="New by tag", published_at=ago(1)).tags.add(
            TagFactory(blog=other, slug="vybory")
        )
        PostFactory(blog=other, title="Not followed", published_at=ago(2))
        follow_blog(user=user, blog=followed)
        follow_tag(user=user, slug="vybory")
        client.force_login(user)
        html = river(client)
        assert "Not followed" not in html
        assert html.index("New by tag") < html.index("Old from blog")

    def test_shows_blog_title_pen_name_date_and_summary(self, client, user):
        blog = BlogFactory(title="Голос Таласа")
        member = MembershipFactory(blog=blog, pen_name="Тоо Кызы")
        PostFactory(blog=blog, author=member, body_source="Письмо из аила о весне.")
        follow_blog(user=user, blog=blog)
        client.force_login(user)
        html = river(client)
        assert "Голос Таласа" in html and "Тоо Кызы" in html
        assert "Письмо из аила о весне." in html and "<time datetime=" in html
        assert member.user.username not in html

    def test_a_post_both_followed_and_tagged_appears_once(self, client, user):
        blog = BlogFactory()
        post = PostFactory(blog=blog, title="Twice over")
        post.tags.add(TagFactory(blog=blog, slug="vybory"), TagFactory(blog=blog, slug="sayloo"))
        follow_blog(user=user, blog=blog)
        follow_tag(user=user, slug="vybory")
        follow_tag(user=user, slug="sayloo")
        client.force_login(user)
        assert river(client).count("Twice over") == 1

    def test_drafts_private_and_future_posts_never_show(self, client, user):
        blog = BlogFactory()
        MembershipFactory(blog=blog, user=user, role="editor")
        PostFactory(blog=blog, title="A draft", status=Post.Status.DRAFT)
        PostFactory(blog=blog, title="Members only", status=Post.Status.PRIVATE)
        PostFactory(blog=blog, title="Tomorrow", published_at=timezone.now() + timedelta(days=1))
        PostFactory(blog=blog, title="Published one")
        follow_blog(user=user, blog=blog)
        client.force_login(user)
        html = river(client)
        assert "Published one" in html
        for hidden in ("A draft", "Members only", "Tomorrow"):
            assert hidden not in html

    def test_private_blog_disappears_when_she_leaves_it(self, client, user):
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE)
        membership = MembershipFactory(blog=blog, user=user)
        PostFactory(blog=blog, title="Inside news")
        follow_blog(user=user, blog=blog)
        client.force_login(user)
        assert "Inside news" in river(client)
        membership.delete()
        assert "Inside news" not in river(client)

    def test_followed_tag_never_brings_posts_of_private_or_unlisted_blogs(self, client, user):
        for visibility in (Blog.Visibility.PRIVATE, Blog.Visibility.UNLISTED):
            blog = BlogFactory(visibility=visibility)
            PostFactory(blog=blog, title=f"Hidden {visibility}").tags.add(
                TagFactory(blog=blog, slug="vybory")
            )
        follow_tag(user=user, slug="vybory")
        client.force_login(user)
        assert "Hidden" not in river(client)

    def test_deactivated_blog_disappears(self, client, user):
        blog = BlogFactory()
        PostFactory(blog=blog, title="Gone soon")
        follow_blog(user=user, blog=blog)
        Blog.objects.filter(pk=blog.pk).update(is_active=False)
        client.force_login(user)
        assert "Gone soon" not in river(client)

    def test_pages_twenty_at_a_time(self, client, user):
        blog = BlogFactory()
        for n in range(25):
            PostFactory(blog=blog, title=f"Item {n:02d}", published_at=ago(n))
        follow_blog(user=user, blog=blog)
        client.force_login(user)
        first, second = river(client), river(client, "/reader/?page=2")
        assert first.count("<article") == 20 and "Item 00" in first
        assert second.count("<article") == 5 and "Item 24" in second

    @pytest.mark.parametrize("page", ["abc", "0", "3", "-1", "99999999999999999999"])
    def test_bad_page_is_404(self, client, user, page):
        client.force_login(user)
        assert client.get(f"/reader/?page={page}").status_code == 404

    def test_query_count_does_not_grow_with_follows_and_posts(
        self, client, user, django_assert_max_num_queries
    ):
        client.force_login(user)
        counts = []
        for round_ in range(2):
            for n in range(3 + 5 * round_):
                blog = BlogFactory()
                tag = TagFactory(blog=blog, slug=f"t{round_}-{n}")
                PostFactory(blog=blog).tags.add(tag)
                PostFactory(blog=blog)
                follow_blog(user=user, blog=blog)
                follow_tag(user=user, slug=tag.slug)
            with django_assert_max_num_queries(8) as captured:
                html = river(client)
            assert html.count("<article") == min(2 * (3 + 8 * round_), 20)
            counts.append(len(captured))
        assert counts[0] == counts[1]
