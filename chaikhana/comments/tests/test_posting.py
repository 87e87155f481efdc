from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.utils import timezone

from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.comments import signals
from chaikhana.comments.actions import (
    CommentInput,
    delete_own_comment,
    edit_own_comment,
    post_comment,
)
from chaikhana.comments.models import Comment, CommentSettings, Notification
from chaikhana.comments.tests.conftest import listening
from chaikhana.core.errors import ActionError
from chaikhana.core.testing.factories import (
    CommentFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)


def guest(post, **fields):
    data = CommentInput(
        **({"body": "Рахмат!", "name": "Айгуль", "email": "a@example.org"} | fields)
    )
    return post_comment(post=post, by=None, data=data)


class PostCommentPolicyTests:
    def test_first_comment_of_a_guest_waits_for_approval(self, post):
        assert guest(post).status == Comment.Status.PENDING

    def test_guest_with_an_approved_comment_is_approved_at_once(self, post):
        CommentFactory(post=post, name="Айгуль", email="A@example.org")
        assert guest(post).status == Comment.Status.APPROVED

    def test_same_name_with_another_email_is_still_a_stranger(self, post):
        CommentFactory(post=post, name="Айгуль", email="a@example.org")
        assert guest(post, email="impostor@example.org").status == Comment.Status.PENDING

    def test_comment_with_more_links_than_allowed_waits(self, post):
        CommentFactory(post=post, name="Айгуль", email="a@example.org")
        body = "[a](https://a.example) [b](https://b.example) [c](https://c.example)"
        assert guest(post, body=body).status == Comment.Status.PENDING

    def test_member_of_the_blog_is_approved_under_her_pen_name(self, post):
        member = MembershipFactory(blog=post.blog, role=Role.CONTRIBUTOR, pen_name="Тень")
        comment = post_comment(post=post, by=member.user, data=CommentInput(body="Да"))
        assert comment.status == Comment.Status.APPROVED
        assert comment.name == "Тень"
        assert member.user.username not in comment.name

    def test_signed_in_stranger_shows_her_display_name_never_her_username(self, post):
        user = UserFactory(username="secret-login", display_name="Читательница")
        comment = post_comment(post=post, by=user, data=CommentInput(body="Да"))
        assert comment.name == "Читательница"

    def test_comment_is_refused_when_the_blog_closed_comments(self, post):
        CommentSettings.objects.create(blog=post.blog, mode=CommentSettings.Mode.CLOSED)
        with pytest.raises(ActionError):
            guest(post)
        assert not Comment.objects.exists()

    def test_guest_is_refused_when_only_signed_in_people_may_comment(self, post):
        CommentSettings.objects.create(blog=post.blog, mode=CommentSettings.Mode.SIGNED_IN)
        with pytest.raises(ActionError):
            guest(post)

    def test_comment_is_refused_when_the_post_is_older_than_the_limit(self, blog):
        CommentSettings.objects.create(blog=blog, close_after_days=30)
        old = PostFactory(blog=blog, published_at=timezone.now() - timedelta(days=31))
        with pytest.raises(ActionError, match="closed"):
            guest(old)

    @pytest.mark.parametrize("status", [Post.Status.DRAFT, Post.Status.PRIVATE])
    def test_comment_is_refused_when_the_post_is_not_public(self, blog, status):
        with pytest.raises(ActionError):
            guest(PostFactory(blog=blog, status=status))


class PostCommentInputTests:
    def test_html_and_script_are_shown_as_text_not_run(self, post):
        comment = guest(post, body="<script>alert(1)</script> <img src=x onerror=alert(1)> *ok*")
        assert "<script" not in comment.body_html
        assert "<img" not in comment.body_html
        assert "&lt;script&gt;" in comment.body_html
        assert "<em>ok</em>" in comment.body_html

    def test_links_get_nofollow_ugc_and_no_headings_or_images(self, post):
        comment = guest(
            post, body="# Big\n\n![pic](https://x.example/a.png) [site](https://s.example)"
        )
        assert "<h1" not in comment.body_html and "<img" not in comment.body_html
        assert 'rel="nofollow ugc"' in comment.body_html

    @override_settings(COMMENTS_MAX_CHARS=100)
    def test_too_long_a_comment_is_refused_with_a_message(self, post):
        with pytest.raises(ActionError) as refused:
            guest(post, body="я" * 101)
        assert refused.value.field == "body"

    def test_guest_without_a_name_is_refused(self, post):
        with pytest.raises(ActionError) as refused:
            guest(post, name="  ")
        assert refused.value.field == "name"

    @pytest.mark.parametrize("name", ["Тень", "тЕНЬ", "  ТЕНЬ ", "Ｔｅｎｉ"])
    def test_guest_is_refused_when_taking_a_writers_pen_name(self, post, name):
        MembershipFactory(blog=post.blog, pen_name="Тень")
        MembershipFactory(blog=post.blog, pen_name="Teni")
        with pytest.raises(ActionError) as refused:
            guest(post, name=name)
        assert refused.value.field == "name"
        assert not Comment.objects.exists()

    def test_guest_may_use_a_pen_name_when_it_belongs_to_another_blog(self, post):
        MembershipFactory(pen_name="Тень")  # a writer of some other blog
        assert guest(post, name="Тень").name == "Тень"

    @override_settings(COMMENTS_MAX_DEPTH=3)
    def test_reply_below_the_depth_cap_joins_the_deepest_allowed_level(self, post):
        top = CommentFactory(post=post)
        second = CommentFactory(post=post, parent=top, depth=1)
        third = CommentFactory(post=post, parent=second, depth=2)
        reply = guest(post, parent_id=third.pk)
        assert (reply.parent_id, reply.depth) == (second.pk, 2)


class PostCommentAnnouncementTests:
    def test_approved_comment_is_announced_after_commit(
        self, post, django_capture_on_commit_callbacks
    ):
        CommentFactory(post=post, name="Айгуль", email="a@example.org")
        with (
            listening(signals.comment_approved) as heard,
            django_capture_on_commit_callbacks(execute=True),
        ):
            comment = guest(post)
        assert heard == [
            {"signal": signals.comment_approved, "post_id": post.pk, "comment_id": comment.pk}
        ]

    def test_post_author_and_owner_are_notified_in_app_and_by_mail(
        self, blog, user, mailoutbox, django_capture_on_commit_callbacks
    ):
        user.email = "owner@example.org"
        user.save()
        author = MembershipFactory(
            blog=blog, role=Role.AUTHOR, user=UserFactory(email="au@example.org")
        )
        post = PostFactory(blog=blog, author=author)
        with django_capture_on_commit_callbacks(execute=True):
            guest(post)
        assert set(Notification.objects.values_list("user_id", flat=True)) == {
            user.pk,
            author.user_id,
        }
        assert sorted(m.to[0] for m in mailoutbox) == ["au@example.org", "owner@example.org"]


class EditOwnCommentTests:
    def test_guest_edits_her_comment_within_the_window(self, post):
        comment = guest(post)
        edit_own_comment(comment=comment, by=None, own_ids=frozenset({comment.pk}), body="Новый")
        comment.refresh_from_db()
        assert "Новый" in comment.body_html and comment.edited_at

    def test_edit_is_refused_after_the_window(self, post):
        comment = guest(post)
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - timedelta(minutes=11)
        )
        comment.refresh_from_db()
        with pytest.raises(PermissionDenied):
            edit_own_comment(comment=comment, by=None, own_ids=frozenset({comment.pk}), body="x")

    def test_someone_else_cannot_delete_the_comment(self, post):
        comment = guest(post)
        with pytest.raises(PermissionDenied):
            delete_own_comment(comment=comment, by=UserFactory(), own_ids=frozenset())

    def test_delete_moves_her_comment_to_the_trash(self, post):
        comment = guest(post)
        delete_own_comment(comment=comment, by=None, own_ids=frozenset({comment.pk}))
        comment.refresh_from_db()
        assert comment.status == Comment.Status.TRASH
