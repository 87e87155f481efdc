"""Post pages with an open comment form are stored for anonymous readers, and nobody's
secrets or waiting comments travel in them (docs/architecture.md, "Page cache", "Comments")."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from chaikhana.comments.actions import update_comment_settings
from chaikhana.comments.identity import COOKIE as OWN_COMMENTS_COOKIE
from chaikhana.comments.models import Comment
from chaikhana.comments.spam.forms import TOKEN_FIELD
from chaikhana.core.testing.factories import PostFactory, UserFactory
from chaikhana.reading.tests.cache_helpers import served_from_cache, warm

TOKEN = re.compile(rf'name="{TOKEN_FIELD}" value="([^"]+)"')


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog, title="Вода в Джале")


@pytest.fixture(autouse=True)
def people_write_quickly_in_tests(settings):
    settings.SPAM_MIN_FORM_SECONDS = 0


def set_policy(post, owner, *, mode: str = "open", hold_first_comment: bool = True) -> None:
    update_comment_settings(
        blog=post.blog,
        by=owner,
        mode=mode,
        close_after_days=0,
        hold_first_comment=hold_first_comment,
        max_links=2,
    )


def guest_comment(client: Client, post, token: str, body: str = "У нас тоже нет воды.") -> Comment:
    data = {"body": body, "name": "Айгуль", "email": "", "website": "", TOKEN_FIELD: token}
    response = client.post(post.blog.url("blogs:comments:create", slug=post.slug), data)
    assert response.status_code == 302
    return Comment.objects.get(body_source=body)


class OpenCommentFormCacheTests:
    def test_anonymous_post_page_with_open_comments_is_stored(self, client, post):
        url = post.get_absolute_url()
        html = warm(client, url)
        assert 'id="comment-form"' in html
        assert served_from_cache(client, url)

    def test_anonymous_post_page_carries_no_csrf_token_or_cookie(self, client, post):
        response = client.get(post.get_absolute_url())
        assert "csrftoken" not in response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "public" in response["Cache-Control"]

    def test_stored_post_page_answers_304(self, client, post):
        url = post.get_absolute_url()
        warm(client, url)
        etag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_signed_in_page_has_her_csrf_token_and_is_private(self, client, post, user):
        client.force_login(user)
        response = client.get(post.get_absolute_url())
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "private" in response["Cache-Control"]


class GuestOnCachedPageTests:
    def test_comment_sent_from_the_stored_page_is_held_for_approval_not_spam(self, client, post):
        url = post.get_absolute_url()
        warm(client, url)
        token = TOKEN.search(client.get(url).content.decode()).group(1)
        comment = guest_comment(client, post, token)
        assert comment.status == Comment.Status.PENDING  # the blog holds first comments
        assert comment.spam_score == 0.5  # the untrained filter abstained

    def test_two_guests_sending_the_stored_token_are_both_accepted(self, client, post, user):
        set_policy(post, user, hold_first_comment=False)
        url = post.get_absolute_url()
        warm(client, url)
        token = TOKEN.search(client.get(url).content.decode()).group(1)
        first = guest_comment(Client(), post, token, "Первый.")
        second = guest_comment(Client(), post, token, "Второй.")
        assert (first.status, second.status) == (Comment.Status.APPROVED,) * 2

    def test_guest_sees_her_waiting_comment_and_others_do_not(self, client, post):
        url = post.get_absolute_url()
        warm(client, url)
        token = TOKEN.search(client.get(url).content.decode()).group(1)
        guest_comment(client, post, token, "Жду одобрения.")
        assert OWN_COMMENTS_COOKIE in client.cookies
        del client.cookies["messages"]  # only her comments cookie left
        mine = client.get(url)
        assert "Жду одобрения." in mine.content.decode()
        assert "private" in mine["Cache-Control"]
        assert "Жду одобрения." not in Client().get(url).content.decode()

    def test_request_with_her_comments_cookie_is_never_stored(self, client, post):
        url = post.get_absolute_url()
        guest_comment(client, post, TOKEN.search(client.get(url).content.decode()).group(1))
        del client.cookies["messages"]
        warm(client, url)
        assert not served_from_cache(client, url)


class CommentCsrfTests:
    def test_guest_posts_without_a_csrf_token(self, post):
        client = Client(enforce_csrf_checks=True)
        url = post.get_absolute_url()
        token = TOKEN.search(client.get(url).content.decode()).group(1)
        guest_comment(client, post, token)

    def test_signed_in_commenter_without_a_csrf_token_is_refused(self, post):
        client = Client(enforce_csrf_checks=True)
        client.force_login(UserFactory())
        url = post.blog.url("blogs:comments:create", slug=post.slug)
        assert client.post(url, {"body": "Без токена"}).status_code == 403
        assert not Comment.objects.exists()


class CommentSettingsInvalidationTests:
    def test_closing_comments_clears_the_blogs_stored_post_pages(
        self, client, post, user, django_capture_on_commit_callbacks
    ):
        url = post.get_absolute_url()
        warm(client, url)
        with django_capture_on_commit_callbacks(execute=True):
            set_policy(post, user, mode="closed")
        assert not served_from_cache(client, url)
        assert 'id="comment-form"' not in client.get(url).content.decode()
