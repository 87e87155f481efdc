"""Writing through the API as a desktop script would: the dashboard's actions and rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from chaikhana.api.tests.helpers import call, token_for
from chaikhana.blogs.models import Post, Revision
from chaikhana.blogs.roles import Role
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import (
    BlogFactory,
    CategoryFactory,
    CommentFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def blog(owner):
    return BlogFactory(owner=owner)


class PostWritingTests:
    def test_create_edit_publish_a_post(self, client, owner, blog):
        token = token_for(owner)
        CategoryFactory(blog=blog, slug="news")
        made = call(
            client,
            "post",
            f"/manage/{blog.name}/posts",
            token,
            json={
                "title": "Snow",
                "body": "It *snows*.",
                "categories": ["news"],
                "tags": ["winter"],
            },
        )
        assert made.status_code == 201, made.content
        post = made.json()
        assert post["status"] == "draft" and "<em>snows</em>" in post["body_html"]
        edited = call(
            client,
            "patch",
            f"/manage/{blog.name}/posts/{post['id']}",
            token,
            json={"version": post["version"], "title": "Snow in Bishkek"},
        )
        assert edited.status_code == 200, edited.content
        published = call(client, "post", f"/manage/{blog.name}/posts/{post['id']}/publish", token)
        assert published.json()["status"] == "published"
        public = call(client, "get", f"/blogs/{blog.name}/posts/{published.json()['slug']}")
        assert public.json()["title"] == "Snow in Bishkek"
        assert public.json()["tags"] == ["winter"]

    def test_stale_version_is_a_409_and_her_text_is_kept_as_a_revision(self, client, owner, blog):
        post = PostFactory(blog=blog)
        token = token_for(owner)
        first = call(
            client,
            "patch",
            f"/manage/{blog.name}/posts/{post.pk}",
            token,
            json={"version": post.version, "title": "One"},
        )
        assert first.status_code == 200
        stale = call(
            client,
            "patch",
            f"/manage/{blog.name}/posts/{post.pk}",
            token,
            json={"version": post.version, "title": "Two"},
        )
        assert stale.status_code == 409
        assert stale.json()["current_version"] == first.json()["version"]
        assert Post.objects.get(pk=post.pk).title == "One"
        assert Revision.objects.filter(post=post, kind=Revision.Kind.CONFLICT, title="Two").exists()

    def test_schedule_then_revisions_and_restore(self, client, owner, blog):
        token = token_for(owner)
        post = call(
            client, "post", f"/manage/{blog.name}/posts", token, json={"title": "Plan"}
        ).json()
        call(
            client,
            "patch",
            f"/manage/{blog.name}/posts/{post['id']}",
            token,
            json={"version": post["version"], "title": "Plan B"},
        )
        at = (timezone.now() + timedelta(days=1)).isoformat()
        scheduled = call(
            client,
            "post",
            f"/manage/{blog.name}/posts/{post['id']}/schedule",
            token,
            json={"at": at},
        )
        assert scheduled.json()["status"] == "scheduled"
        revisions = call(
            client, "get", f"/manage/{blog.name}/posts/{post['id']}/revisions", token
        ).json()
        oldest = revisions[-1]
        assert oldest["title"] == "Plan"
        restored = call(
            client,
            "post",
            f"/manage/{blog.name}/posts/{post['id']}/revisions/{oldest['id']}/restore",
            token,
        )
        assert restored.json()["title"] == "Plan"

    def test_delete_a_post(self, client, owner, blog):
        post = PostFactory(blog=blog)
        assert (
            call(
                client, "delete", f"/manage/{blog.name}/posts/{post.pk}", token_for(owner)
            ).status_code
            == 204
        )
        assert not Post.objects.filter(pk=post.pk).exists()

    def test_contributor_may_not_publish_and_nothing_changes(self, client, blog):
        member = MembershipFactory(blog=blog, role=Role.CONTRIBUTOR)
        token = token_for(member.user)
        post = call(
            client, "post", f"/manage/{blog.name}/posts", token, json={"title": "Mine"}
        ).json()
        refused = call(client, "post", f"/manage/{blog.name}/posts/{post['id']}/publish", token)
        assert refused.status_code == 403
        assert Post.objects.get(pk=post["id"]).status == Post.Status.DRAFT

    def test_categories_are_added_and_removed(self, client, owner, blog):
        token = token_for(owner)
        made = call(
            client, "post", f"/manage/{blog.name}/categories", token, json={"name": "Travel"}
        )
        assert made.status_code == 201
        gone = call(
            client, "delete", f"/manage/{blog.name}/categories/{made.json()['slug']}", token
        )
        assert gone.status_code == 204


class ModerationTests:
    def test_owner_approves_spams_and_trashes(self, client, owner, blog):
        post = PostFactory(blog=blog)
        pending = [CommentFactory(post=post, status="pending") for _ in range(3)]
        token = token_for(owner)
        queue = call(client, "get", f"/manage/{blog.name}/comments", token).json()["items"]
        assert len(queue) == 3
        for comment, decision, status in zip(
            pending, ["approve", "spam", "trash"], ["approved", "spam", "trash"], strict=True
        ):
            answer = call(
                client, "post", f"/manage/{blog.name}/comments/{comment.pk}/{decision}", token
            )
            assert answer.json()["status"] == status
            assert Comment.objects.get(pk=comment.pk).status == status

    def test_author_may_not_moderate(self, client, blog):
        comment = CommentFactory(post=PostFactory(blog=blog), status="pending")
        author = MembershipFactory(blog=blog, role=Role.AUTHOR)
        answer = call(
            client,
            "post",
            f"/manage/{blog.name}/comments/{comment.pk}/approve",
            token_for(author.user),
        )
        assert answer.status_code == 403
        assert Comment.objects.get(pk=comment.pk).status == "pending"


class MeTests:
    def test_me_lists_her_blogs_with_her_pen_name_and_no_username(self, client, owner, blog):
        answer = call(client, "get", "/me", token_for(owner))
        assert answer.status_code == 200
        assert answer.json()["blogs"][0]["name"] == blog.name
        assert owner.username not in answer.content.decode()

    def test_export_gives_her_zip(self, client, owner, blog):
        PostFactory(blog=blog)
        answer = call(client, "post", "/me/export", token_for(owner))
        assert answer.status_code == 200
        assert answer["Content-Type"] == "application/zip"
        assert owner.username not in answer["Content-Disposition"]
