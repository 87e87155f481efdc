"""Readers reporting posts and comments (network/reports): the form, limits, the links."""

import re

import pytest
from django.urls import reverse

from chaikhana.blogs.models import Blog, Post
from chaikhana.comments.models import Comment
from chaikhana.core.testing.factories import (
    BlogFactory,
    CommentFactory,
    PostFactory,
    UserFactory,
)
from chaikhana.network.reports import ratelimit
from chaikhana.network.reports.models import Report

pytestmark = pytest.mark.django_db


def post_url(post):
    return reverse("reports:post", kwargs={"blog": post.blog.name, "slug": post.slug})


def comment_url(comment):
    post = comment.post
    kwargs = {"blog": post.blog.name, "slug": post.slug, "comment_id": comment.pk}
    return reverse("reports:comment", kwargs=kwargs)


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog, status=Post.Status.PUBLISHED)


class ReportFormTests:
    def test_guest_reports_post_by_address_hash_never_raw_address(self, client, post):
        response = client.post(
            post_url(post), {"reason": "spam", "note": " buy "}, REMOTE_ADDR="203.0.113.9"
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
        client.post(comment_url(comment), {"reason": "harassment"})
        report = Report.objects.get()
        assert (report.comment, report.post, report.reporter) == (comment, post, user)
        assert report.address_hash == ""

    def test_refuses_unknown_reason_with_message_when_posted(self, client, post):
        response = client.post(post_url(post), {"reason": "boring"})
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
        assert not Report.objects.exists()

    def test_answers_404_when_post_is_not_public(self, client, blog):
        draft = PostFactory(blog=blog, status=Post.Status.DRAFT)
        assert client.get(post_url(draft)).status_code == 404

    def test_answers_404_when_comment_is_pending(self, client, post):
        pending = CommentFactory(post=post, status=Comment.Status.PENDING)
        assert client.get(comment_url(pending)).status_code == 404

    def test_form_page_is_never_cached_and_carries_csrf(self, client, post):
        response = client.get(post_url(post))
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
        assert "csrfmiddlewaretoken" in response.content.decode()

    def test_guest_is_stopped_after_the_hourly_allowance(self, client, post):
        for _ in range(ratelimit.PER_GUEST_ADDRESS):
            client.post(post_url(post), {"reason": "spam"}, REMOTE_ADDR="198.51.100.7")
        response = client.post(post_url(post), {"reason": "spam"}, REMOTE_ADDR="198.51.100.7")
        assert "many reports in a short time" in response.content.decode()
        assert Report.objects.count() == ratelimit.PER_GUEST_ADDRESS


class ReportLinkTests:
    def test_post_page_links_to_report_without_csrf_token(self, client, post):
        CommentFactory(post=post, status=Comment.Status.APPROVED)
        html = client.get(post.get_absolute_url()).content.decode()
        assert post_url(post) in html
        assert f"{post_url(post)}comments/" in html
        assert "csrfmiddlewaretoken" not in html.split('id="comment-form"')[0]


class ReportAddressTests:
    """A report page shows only what the page it reports shows, to the same reader."""

    def test_stranger_learns_nothing_when_reporting_by_id(self, client):
        hidden = PostFactory(
            blog=BlogFactory(visibility=Blog.Visibility.UNLISTED), title="Unlisted secret"
        )
        comment = CommentFactory(post=hidden, name="Hidden commenter")
        for address in (f"/report/post/{hidden.pk}/", f"/report/comment/{comment.pk}/"):
            response = client.get(address)
            assert response.status_code == 404
            assert "Unlisted secret" not in response.content.decode()

    @pytest.mark.parametrize(
        ("visibility", "status"),
        [
            (Blog.Visibility.PRIVATE, Post.Status.PUBLISHED),
            (Blog.Visibility.PUBLIC, Post.Status.DRAFT),
            (Blog.Visibility.PUBLIC, Post.Status.PRIVATE),
        ],
    )
    def test_stranger_learns_nothing_when_post_page_is_hidden_from_her(
        self, client, visibility, status
    ):
        post = PostFactory(blog=BlogFactory(visibility=visibility), status=status, title="Secret")
        comment = CommentFactory(post=post, name="Hidden commenter")
        client.force_login(UserFactory())
        for address in (post_url(post), comment_url(comment)):
            response = client.get(address)
            assert response.status_code == 404
            assert "Secret" not in response.content.decode()
            assert "Hidden commenter" not in response.content.decode()

    def test_answers_404_when_comment_belongs_to_another_post(self, client, post):
        elsewhere = CommentFactory(
            post=PostFactory(blog=BlogFactory(visibility=Blog.Visibility.UNLISTED))
        )
        kwargs = {"blog": post.blog.name, "slug": post.slug, "comment_id": elsewhere.pk}
        assert client.get(reverse("reports:comment", kwargs=kwargs)).status_code == 404

    def test_reader_reports_public_post_end_to_end_when_following_its_link(self, client, post):
        CommentFactory(post=post, status=Comment.Status.APPROVED, name="Rude guest")
        html = client.get(post.get_absolute_url()).content.decode()
        links = re.findall(r'<a class="report" rel="nofollow" href="([^"]+)"', html)
        assert len(links) == 2
        for link in links:
            page = client.get(link)
            assert page.status_code == 200 and post.title in page.content.decode()
            client.post(link, {"reason": "spam"}, REMOTE_ADDR="203.0.113.20")
        kinds = sorted(Report.objects.values_list("kind", flat=True))
        assert kinds == ["comment", "post"]
        assert set(Report.objects.values_list("post", flat=True)) == {post.pk}
