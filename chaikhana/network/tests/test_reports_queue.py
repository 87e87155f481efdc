"""The staff moderation queue (network/reports): grouping, filters, hide, dismiss, suspend."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import CommentFactory, PostFactory, UserFactory
from chaikhana.core.testing.twofactor import log_in_verified
from chaikhana.network.models import AuditEntry
from chaikhana.network.reports.models import Report

pytestmark = pytest.mark.django_db
QUEUE = reverse("reports:queue")


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog, status=Post.Status.PUBLISHED)


def reported(subject, n=1, reason="spam"):
    comment = subject if isinstance(subject, Comment) else None
    post = comment.post if comment else subject
    return [
        Report.objects.create(
            kind="comment" if comment else "post", post=post, comment=comment, reason=reason
        )
        for _ in range(n)
    ][-1]


DECISIONS = {
    "hide": "reports:hide",
    "dismiss": "reports:dismiss",
    "suspend": "reports:suspend_author",
}


def decide(client, report, decision, note="checked"):
    return client.post(reverse(DECISIONS[decision], args=[report.pk]), {"note": note})


class QueueTests:
    def test_groups_duplicate_reports_with_their_count(self, client, staff, post):
        reported(post, n=3)
        log_in_verified(client, staff)
        response = client.get(QUEUE)
        rows = list(response.context["page"].object_list)
        assert response.status_code == 200
        assert [(r.target, r.reports_count) for r in rows] == [(f"post:{post.pk}", 3)]

    def test_filters_by_reason_and_kind(self, client, staff, post):
        comment = CommentFactory(post=post, status=Comment.Status.APPROVED)
        reported(post, reason="spam")
        reported(comment, reason="hate")
        log_in_verified(client, staff)
        by_reason = client.get(QUEUE, {"reason": "hate"}).context["page"].object_list
        by_kind = client.get(QUEUE, {"kind": "post"}).context["page"].object_list
        assert [r.target for r in by_reason] == [f"comment:{comment.pk}"]
        assert [r.target for r in by_kind] == [f"post:{post.pk}"]

    def test_ignores_bad_filter_values_instead_of_failing(self, client, staff, post):
        reported(post)
        log_in_verified(client, staff)
        response = client.get(QUEUE, {"status": "nonsense", "page": "x"})
        assert response.status_code == 200

    def test_forbids_non_staff(self, client, user, post):
        report = reported(post)
        client.force_login(user)
        assert client.get(QUEUE).status_code == 403
        assert decide(client, report, "hide").status_code == 403
        post.refresh_from_db()
        assert post.status == Post.Status.PUBLISHED

    def test_sends_staff_without_second_factor_to_enrolment(self, client):
        client.force_login(UserFactory(is_staff=True))
        response = client.get(QUEUE)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:twofactor"))

    def test_sends_anonymous_visitors_to_login(self, client):
        assert client.get(QUEUE).status_code == 302


class DecisionTests:
    def test_hide_makes_post_private_and_closes_the_group_with_audit(self, client, staff, post):
        report = reported(post, n=2)
        log_in_verified(client, staff)
        response = decide(client, report, "hide")
        post.refresh_from_db()
        assert response.status_code == 302
        assert post.status == Post.Status.PRIVATE
        assert not Post.objects.published().filter(pk=post.pk).exists()
        assert set(Report.objects.values_list("status", "decided_by", "decision_note")) == {
            ("hidden", staff.pk, "checked")
        }
        entry = AuditEntry.objects.get(action="post.hidden")
        assert (entry.actor, entry.target_id, entry.details["reports"]) == (staff, str(post.pk), 2)

    def test_hidden_post_is_explained_to_its_owner(self, client, staff, post):
        log_in_verified(client, staff)
        decide(client, reported(post), "hide", note="doxxing")
        html = Template("{% load reports %}{% moderation_notice post %}").render(
            Context({"post": post})
        )
        assert "made this post private" in html and "doxxing" in html

    def test_hide_trashes_comment(self, client, staff, post):
        comment = CommentFactory(post=post, status=Comment.Status.APPROVED)
        log_in_verified(client, staff)
        decide(client, reported(comment), "hide")
        comment.refresh_from_db()
        assert comment.status == Comment.Status.TRASH
        assert AuditEntry.objects.filter(action="comment.hidden").count() == 1

    def test_dismiss_keeps_post_and_records_decision(self, client, staff, post):
        log_in_verified(client, staff)
        decide(client, reported(post), "dismiss")
        post.refresh_from_db()
        assert post.status == Post.Status.PUBLISHED
        assert Report.objects.get().status == "dismissed"
        assert AuditEntry.objects.filter(action="report.dismissed").exists()

    def test_suspend_stops_the_author_and_hides_the_post(self, client, staff, post):
        author = post.author.user
        log_in_verified(client, staff)
        decide(client, reported(post), "suspend")
        author.refresh_from_db()
        post.refresh_from_db()
        assert not author.is_active
        assert post.status == Post.Status.PRIVATE
        actions = set(AuditEntry.objects.values_list("action", flat=True))
        assert {"user.suspended", "post.author_suspended"} <= actions

    def test_suspend_refused_with_message_when_guest_wrote_the_comment(self, client, staff, post):
        comment = CommentFactory(post=post, status=Comment.Status.APPROVED, author=None)
        log_in_verified(client, staff)
        response = decide(client, reported(comment), "suspend")
        follow = client.get(response.url)
        assert "there is no one to suspend" in follow.content.decode()
        assert Report.objects.get().status == "open"

    def test_second_decision_on_same_group_is_refused_with_message(self, client, staff, post):
        report = reported(post)
        log_in_verified(client, staff)
        decide(client, report, "dismiss")
        response = decide(client, report, "hide")
        assert "already decided" in client.get(response.url).content.decode()
        post.refresh_from_db()
        assert post.status == Post.Status.PUBLISHED

    def test_decision_is_refused_with_a_message_when_the_note_is_too_long(
        self, client, staff, post
    ):
        log_in_verified(client, staff)
        response = decide(client, reported(post), "hide", note="x" * 2001)
        assert "at most 2000 characters" in client.get(response.url).content.decode()
        assert Report.objects.get().status == "open"
