"""Readers reporting posts and comments (network/reports): the form, limits, the links."""

import pytest
from django.urls import reverse

from chaikhana.blogs.models import Post
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import CommentFactory, PostFactory
from chaikhana.network.reports import ratelimit
from chaikhana.network.reports.models import Report

pytestmark = pytest.mark.django_db


def url(kind, pk):
    return reverse("reports:new", kwargs={"kind": kind, "object_id": pk})


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog, status=Post.Status.PUBLISHED)


class ReportFormTests:
    def test_guest_reports_post_by_address_hash_never_raw_address(self, client, post):
        response = client.post(
            url("post", post.pk), {"reason": "spam", "note": " buy "}, REMOTE_ADDR="203.0.113.9"
        )
        report = Report.objects.get()
        assert response.status_code == 200
        assert (report.kind, report.target, report.reason, report.note) == (
            "post",
            f"post:{post.pk}",
            "spam",
            "buy",
        )
        assert report.reporter is None and len(report.address_hash) == 64
        assert "203.0.113" not in report.address_hash

    def test_signed_in_reader_reports_comment_with_her_account(self, client, user, post):
        comment = CommentFactory(post=post, status=Comment.Status.APPROVED)
        client.force_login(user)
        client.post(url("comment", comment.pk), {"reason": "harassment"})
        report = Report.objects.get()
        assert (report.comment, report.post, report.reporter) == (comment, post, user)
        assert report.address_hash == ""

    def test_refuses_unknown_reason_with_message_when_posted(self, client, post):
        response = client.post(url("post", post.pk), {"reason": "boring"})
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
        assert not Report.objects.exists()

    def test_answers_404_when_post_is_not_public(self, client, blog):
        draft = PostFactory(blog=blog, status=Post.Status.DRAFT)
        assert client.get(url("post", draft.pk)).status_code == 404

    def test_answers_404_when_comment_is_pending_or_kind_unknown(self, client, post):
        pending = CommentFactory(post=post, status=Comment.Status.PENDING)
        assert client.get(url("comment", pending.pk)).status_code == 404
        assert client.get(url("page", post.pk)).status_code == 404

    def test_form_page_is_never_cached_and_carries_csrf(self, client, post):
        response = client.get(url("post", post.pk))
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" in response.content.decode()

    def test_guest_is_stopped_after_the_hourly_allowance(self, client, post):
        for _ in range(ratelimit.PER_GUEST_ADDRESS):
            client.post(url("post", post.pk), {"reason": "spam"}, REMOTE_ADDR="198.51.100.7")
        response = client.post(url("post", post.pk), {"reason": "spam"}, REMOTE_ADDR="198.51.100.7")
        assert "many reports in a short time" in response.content.decode()
        assert Report.objects.count() == ratelimit.PER_GUEST_ADDRESS


class ReportLinkTests:
    def test_post_page_links_to_report_without_csrf_token(self, client, post):
        CommentFactory(post=post, status=Comment.Status.APPROVED)
        html = client.get(post.get_absolute_url()).content.decode()
        assert url("post", post.pk) in html
        assert "/report/comment/" in html
        assert "csrfmiddlewaretoken" not in html.split('id="comment-form"')[0]
