import pytest
from django.test import Client

from chaikhana.blogs.roles import Role
from chaikhana.comments import signals
from chaikhana.comments.models import Comment
from chaikhana.comments.spam.models import SpamDecision
from chaikhana.comments.tests.conftest import listening
from chaikhana.comments.tests.helpers import client_for
from chaikhana.core.testing.factories import CommentFactory, MembershipFactory, UserFactory


def queue_url(blog):
    return f"/dashboard/@{blog.name}/comments/"


def visitor(blog, who):
    """A client for each person of the permission matrix."""
    if who == "anonymous":
        return Client()
    if who == "stranger":
        return client_for(UserFactory())
    if who == "owner":
        return client_for(blog.memberships.get(role=Role.OWNER).user)
    return client_for(MembershipFactory(blog=blog, role=who).user)


class ModerationPermissionTests:
    @pytest.mark.parametrize(
        ("who", "status"),
        [
            ("owner", 302),
            (Role.EDITOR, 302),
            (Role.AUTHOR, 403),
            (Role.CONTRIBUTOR, 403),
            ("stranger", 403),
            ("anonymous", 302),
        ],
    )
    def test_only_owners_and_editors_may_approve(self, blog, post, who, status):
        comment = CommentFactory(post=post, status=Comment.Status.PENDING)
        response = visitor(blog, who).post(queue_url(blog), {"single": f"approve:{comment.pk}"})
        assert response.status_code == status
        comment.refresh_from_db()
        expected = (
            Comment.Status.APPROVED if who in ("owner", Role.EDITOR) else Comment.Status.PENDING
        )
        assert comment.status == expected
        if who == "anonymous":
            assert "/accounts/login/" in response["Location"]


class ModerationQueueTests:
    def test_queue_shows_waiting_comments_by_default(self, blog, user, post):
        CommentFactory(post=post, status=Comment.Status.PENDING, body_source="Жду")
        CommentFactory(post=post, body_source="Видно всем")
        page = client_for(user).get(queue_url(blog)).content.decode()
        assert "Жду" in page and "Видно всем" not in page

    def test_queue_query_count_does_not_grow_with_comments(
        self, blog, user, post, django_assert_max_num_queries
    ):
        client = client_for(user)
        CommentFactory.create_batch(2, post=post, status=Comment.Status.PENDING)
        with django_assert_max_num_queries(12) as few:
            client.get(queue_url(blog))
        CommentFactory.create_batch(20, post=post, status=Comment.Status.PENDING)
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(queue_url(blog))

    def test_bulk_action_moves_every_checked_comment(self, blog, user, post):
        a, b, c = CommentFactory.create_batch(3, post=post, status=Comment.Status.PENDING)
        client_for(user).post(queue_url(blog), {"comment": [a.pk, b.pk], "decision": "trash"})
        statuses = dict(Comment.objects.values_list("pk", "status"))
        assert statuses == {a.pk: "trash", b.pk: "trash", c.pk: "pending"}

    def test_bulk_action_never_touches_another_blogs_comment(self, blog, user, post):
        foreign = CommentFactory(status=Comment.Status.PENDING)
        client_for(user).post(queue_url(blog), {"comment": [foreign.pk], "decision": "approve"})
        foreign.refresh_from_db()
        assert foreign.status == Comment.Status.PENDING

    def test_marking_spam_hides_the_comment_and_teaches_the_filter(
        self, blog, user, post, django_capture_on_commit_callbacks
    ):
        comment = CommentFactory(post=post)
        url = queue_url(blog) + "?status=approved"
        with (
            listening(signals.comment_removed) as heard,
            django_capture_on_commit_callbacks(execute=True),
        ):
            client_for(user).post(url, {"single": f"spam:{comment.pk}"})
        comment.refresh_from_db()
        assert comment.status == Comment.Status.SPAM
        assert heard and heard[0]["comment_id"] == comment.pk
        assert SpamDecision.objects.filter(object_id=comment.pk, verdict="spam").exists()
        assert (
            comment.body_source
            not in client_for(UserFactory()).get(post.get_absolute_url()).content.decode()
        )

    def test_restore_brings_a_trashed_comment_back_to_the_queue(self, blog, user, post):
        comment = CommentFactory(post=post, status=Comment.Status.TRASH)
        client_for(user).post(
            queue_url(blog) + "?status=trash", {"single": f"restore:{comment.pk}"}
        )
        comment.refresh_from_db()
        assert comment.status == Comment.Status.PENDING

    def test_reply_from_the_queue_publishes_it_and_approves_the_comment(self, blog, user, post):
        comment = CommentFactory(post=post, status=Comment.Status.PENDING)
        url = f"{queue_url(blog)}{comment.pk}/reply/"
        client_for(user).post(url, {"body": "Спасибо, ответили"})
        comment.refresh_from_db()
        reply = Comment.objects.get(parent=comment)
        assert comment.status == reply.status == Comment.Status.APPROVED
        assert reply.author == user

    def test_owner_changes_the_comment_settings(self, blog, user):
        url = f"{queue_url(blog)}settings/"
        data = {"mode": "signed_in", "close_after_days": "14", "max_links": "1"}
        assert client_for(user).post(url, data).status_code == 302
        from chaikhana.comments.models import CommentSettings

        policy = CommentSettings.objects.of(blog)
        assert (policy.mode, policy.close_after_days, policy.hold_first_comment) == (
            "signed_in",
            14,
            False,
        )

    def test_editor_may_not_change_the_comment_settings(self, blog):
        editor = MembershipFactory(blog=blog, role=Role.EDITOR).user
        assert client_for(editor).get(f"{queue_url(blog)}settings/").status_code == 403
