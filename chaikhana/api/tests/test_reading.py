"""Public reading: the same posts as the blog's pages, paged by cursor, filtered, with 304s."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from chaikhana.api import present
from chaikhana.api.tests.helpers import call, token_for
from chaikhana.blogs.models import Blog, Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    CommentFactory,
    MembershipFactory,
    PostFactory,
    TagFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


class PublicPostsTests:
    def test_lists_published_posts_newest_first_when_anonymous(self, client):
        blog = BlogFactory()
        old = PostFactory(blog=blog, published_at=timezone.now() - timedelta(days=2))
        new = PostFactory(blog=blog)
        PostFactory(blog=blog, status=Post.Status.DRAFT, published_at=None)
        answer = call(client, "get", f"/blogs/{blog.name}/posts")
        assert answer.status_code == 200
        assert [p["slug"] for p in answer.json()["items"]] == [new.slug, old.slug]
        assert answer.json()["next"] is None

    def test_list_costs_a_fixed_number_of_queries(self, client, django_assert_max_num_queries):
        blog = BlogFactory()
        for _ in range(12):
            post = PostFactory(blog=blog)
            post.tags.add(TagFactory(blog=blog))
        with django_assert_max_num_queries(6):
            assert call(client, "get", f"/blogs/{blog.name}/posts").status_code == 200

    def test_cursor_walks_every_post_once_when_posts_arrive_between_pages(self, client):
        blog = BlogFactory()
        start = timezone.now() - timedelta(hours=1)
        made = [PostFactory(blog=blog, published_at=start - timedelta(minutes=i)) for i in range(5)]
        first = call(client, "get", f"/blogs/{blog.name}/posts?limit=2").json()
        PostFactory(blog=blog)  # published after the first page was read
        seen = [p["slug"] for p in first["items"]]
        url = first["next"]
        while url:
            page = client.get(url).json()
            seen += [p["slug"] for p in page["items"]]
            url = page["next"]
        assert seen == [p.slug for p in made]

    def test_forged_cursor_is_a_400_naming_the_cursor(self, client):
        blog = BlogFactory()
        answer = call(client, "get", f"/blogs/{blog.name}/posts?cursor=not-ours")
        assert answer.status_code == 400
        assert answer["Content-Type"] == "application/problem+json"
        assert answer.json()["errors"][0]["field"] == "cursor"

    def test_filters_by_tag_category_language_and_dates(self, client):
        blog = BlogFactory()
        tag, category = TagFactory(blog=blog, slug="rain"), CategoryFactory(blog=blog, slug="news")
        tagged = PostFactory(blog=blog, language="ky")
        tagged.tags.add(tag)
        tagged.categories.add(category)
        PostFactory(blog=blog, published_at=timezone.now() - timedelta(days=10))
        base = f"/blogs/{blog.name}/posts"
        for query in (
            "tag=rain",
            "category=news",
            "language=ky",
            "since=" + (timezone.now() - timedelta(days=1)).date().isoformat(),
        ):
            items = call(client, "get", f"{base}?{query}").json()["items"]
            assert [p["slug"] for p in items] == [tagged.slug], query

    def test_one_post_by_slug_and_a_draft_is_not_found(self, client):
        post = PostFactory(title="Hello")
        draft = PostFactory(blog=post.blog, status=Post.Status.DRAFT, published_at=None)
        answer = call(client, "get", f"/blogs/{post.blog.name}/posts/{post.slug}")
        assert answer.json()["title"] == "Hello"
        assert answer.json()["author"] == post.byline
        missing = call(client, "get", f"/blogs/{post.blog.name}/posts/{draft.slug}")
        assert missing.status_code == 404
        assert missing.json()["status"] == 404

    def test_pages_apart_from_posts(self, client):
        page = PostFactory(kind=Post.Kind.PAGE, title="About")
        assert (
            call(client, "get", f"/blogs/{page.blog.name}/pages").json()["items"][0]["title"]
            == "About"
        )
        assert call(client, "get", f"/blogs/{page.blog.name}/posts").json()["items"] == []
        assert call(client, "get", f"/blogs/{page.blog.name}/posts/{page.slug}").status_code == 404


class BlogVisibilityTests:
    def test_directory_lists_only_public_active_blogs(self, client):
        shown = BlogFactory()
        BlogFactory(visibility=Blog.Visibility.UNLISTED)
        BlogFactory(visibility=Blog.Visibility.PRIVATE)
        BlogFactory(is_active=False)
        names = [b["name"] for b in call(client, "get", "/blogs").json()["items"]]
        assert names == [shown.name]

    def test_private_blog_is_404_to_strangers_and_readable_by_its_member_token(self, client):
        owner = UserFactory()
        blog = BlogFactory(visibility=Blog.Visibility.PRIVATE, owner=owner)
        PostFactory(blog=blog)
        assert call(client, "get", f"/blogs/{blog.name}/posts").status_code == 404
        stranger = token_for(UserFactory())
        assert call(client, "get", f"/blogs/{blog.name}/posts", stranger).status_code == 404
        mine = call(client, "get", f"/blogs/{blog.name}/posts", token_for(owner))
        assert len(mine.json()["items"]) == 1

    def test_suspended_blog_is_403(self, client):
        blog = BlogFactory(is_active=False)
        assert call(client, "get", f"/blogs/{blog.name}/posts").status_code == 403


class TermsAndCommentsTests:
    def test_categories_and_tags_of_a_blog(self, client):
        blog = BlogFactory()
        CategoryFactory(blog=blog, name="News", slug="news")
        TagFactory(blog=blog, name="rain", slug="rain")
        assert call(client, "get", f"/blogs/{blog.name}/categories").json()[0]["slug"] == "news"
        assert call(client, "get", f"/blogs/{blog.name}/tags").json()[0]["name"] == "rain"

    def test_only_approved_comments_under_the_members_pen_name(self, client):
        post = PostFactory()
        CommentFactory(post=post, name="Aigul")
        CommentFactory(post=post, status="pending")
        member = MembershipFactory(blog=post.blog, role=Role.AUTHOR, pen_name="Quiet Owl")
        CommentFactory(post=post, author=member.user, name=member.user.username)
        answer = call(client, "get", f"/blogs/{post.blog.name}/posts/{post.slug}/comments")
        names = [c["author"] for c in answer.json()["items"]]
        assert names == ["Aigul", "Quiet Owl"]
        assert member.user.username not in answer.content.decode()


class ConditionalGetTests:
    def test_same_document_answers_304_and_a_change_answers_200(self, client):
        post = PostFactory()
        first = call(client, "get", f"/blogs/{post.blog.name}/posts")
        etag = first["ETag"]
        again = call(
            client, "get", f"/blogs/{post.blog.name}/posts", headers={"If-None-Match": etag}
        )
        assert again.status_code == 304
        PostFactory(blog=post.blog)
        changed = call(
            client, "get", f"/blogs/{post.blog.name}/posts", headers={"If-None-Match": etag}
        )
        assert changed.status_code == 200

    def test_a_post_answers_304_unserialised_and_200_after_a_tag_rename(self, client, monkeypatch):
        post = PostFactory(body_source="Long *text*")
        tag = TagFactory(blog=post.blog, name="snow")
        post.tags.add(tag)
        path = f"/blogs/{post.blog.name}/posts/{post.slug}"
        etag = call(client, "get", path)["ETag"]
        monkeypatch.setattr(present, "post", lambda *a: pytest.fail("serialised for a 304"))
        again = call(client, "get", path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again["ETag"] == etag
        monkeypatch.undo()
        tag.name = "rain"
        tag.save()
        renamed = call(client, "get", path, headers={"If-None-Match": etag})
        assert renamed.status_code == 200 and renamed.json()["tags"] == ["rain"]


class ListShapeTests:
    def test_list_items_carry_the_summary_and_the_post_its_body_when_read(self, client):
        post = PostFactory(body_source="First words. " + "More *text*. " * 50)
        listed = call(client, "get", f"/blogs/{post.blog.name}/posts").json()["items"][0]
        assert "body_html" not in listed and listed["summary"].startswith("First words.")
        one = call(client, "get", f"/blogs/{post.blog.name}/posts/{post.slug}").json()
        assert "<em>text</em>" in one["body_html"]


class NetworkTests:
    def test_network_posts_leave_out_unlisted_blogs(self, client):
        shown = PostFactory()
        PostFactory(blog=BlogFactory(visibility=Blog.Visibility.UNLISTED))
        assert [p["slug"] for p in call(client, "get", "/posts").json()["items"]] == [shown.slug]
