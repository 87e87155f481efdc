"""Conditional requests: public pages and feeds answer 304 when the reader has them already."""

from __future__ import annotations

import pytest

from chaikhana.core.testing.factories import PostFactory
from chaikhana.reading.tests.cache_helpers import warm, without_comment_form


@pytest.fixture
def urls(blog):
    post = PostFactory(blog=without_comment_form(blog))
    return [
        "/",
        "/blogs/",
        blog.get_absolute_url(),
        post.get_absolute_url(),
        blog.url("blogs:feed"),
        blog.url("blogs:feed_atom"),
    ]


class ConditionalGetTests:
    def test_public_pages_send_validators_and_revalidate(self, client, urls):
        for url in urls:
            response = client.get(url)
            assert response.has_header("ETag"), url
            assert response.has_header("Last-Modified"), url
            assert "public" in response["Cache-Control"], url
            assert "must-revalidate" in response["Cache-Control"], url

    def test_matching_etag_answers_304_without_body(self, client, urls):
        for url in urls:
            etag = client.get(url)["ETag"]
            again = client.get(url, HTTP_IF_NONE_MATCH=etag)
            assert again.status_code == 304, url
            assert again.content == b""

    def test_stored_page_answers_304_with_its_own_etag(self, client, blog):
        url = blog.get_absolute_url()
        warm(client, url)
        etag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_unchanged_since_date_answers_304(self, client, urls):
        for url in urls:
            warm(client, url)  # Last-Modified is when the stored version was made
            last_modified = client.get(url)["Last-Modified"]
            again = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
            assert again.status_code == 304, url

    def test_malformed_if_modified_since_is_ignored(self, client, urls):
        for url in urls:
            assert client.get(url, HTTP_IF_MODIFIED_SINCE="yesterday-ish").status_code == 200

    def test_stale_etag_gets_the_new_page(self, client, blog):
        post = PostFactory(blog=blog, title="Первая")
        etag = client.get(blog.get_absolute_url())["ETag"]
        PostFactory(blog=blog, title="Вторая")
        response = client.get(blog.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200
        assert "Вторая" in response.content.decode() and post.title in response.content.decode()

    def test_signed_in_pages_are_private(self, client, blog, user):
        client.force_login(user)
        response = client.get(blog.get_absolute_url())
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]

    def test_pages_vary_on_save_data_cookie_and_language(self, client, blog):
        vary = client.get(blog.get_absolute_url())["Vary"]
        for header in ("Save-Data", "Cookie", "Accept-Language"):
            assert header in vary

    def test_anonymous_public_page_sets_no_cookie(self, client, blog):
        PostFactory(blog=blog)
        assert not client.get(blog.get_absolute_url()).cookies

    def test_stored_post_page_with_comment_form_answers_304(self, client, blog):
        url = PostFactory(blog=blog).get_absolute_url()
        warm(client, url)
        etag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_post_page_with_comment_form_answers_304_on_the_first_return(self, client, blog):
        # The first visit is rendered, not stored yet: its comment form's token must not make
        # the second rendering differ, or the returning reader downloads the page again.
        url = PostFactory(blog=blog).get_absolute_url()
        etag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


class CsrfTokenPageTests:
    """A page that used one reader's CSRF token is hers alone: never stored, private.

    Anonymous post pages no longer use one (test_cache_comments.py); a signed-in reader's do.
    """

    def test_page_with_a_csrf_token_is_private_and_never_stored(self, client, blog, user):
        url = PostFactory(blog=blog).get_absolute_url()
        client.force_login(user)
        first = client.get(url)
        assert "csrfmiddlewaretoken" in first.content.decode()
        assert "private" in first["Cache-Control"] and "public" not in first["Cache-Control"]
