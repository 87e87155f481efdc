"""Page files answered by the app itself (reading/cache/serve.py), where no nginx is in front:
the same file nginx would send, to the same readers, and gone when the page goes stale."""

from __future__ import annotations

import brotli
import pytest
from django.test import RequestFactory

from chaikhana.blogs.actions import update_blog
from chaikhana.core.testing.factories import PostFactory
from chaikhana.reading.cache import files, serve
from chaikhana.reading.tests.cache_helpers import warm, without_comment_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_files(settings, tmp_path):
    settings.PAGE_FILES_DIR = str(tmp_path / "page-files")


@pytest.fixture
def blog(blog):
    return without_comment_form(blog)


class Called:
    """What the WSGI server saw: the status and headers, or that Django was asked."""

    def __init__(self) -> None:
        self.status, self.headers, self.reached_django = "", {}, False

    def django(self, environ, start_response):
        self.reached_django = True
        start_response("200 OK", [("Content-Type", "text/html")])
        return [b"rendered by Django"]

    def start_response(self, status, headers):
        self.status, self.headers = status, dict(headers)


def ask(path: str, **headers: str) -> tuple[Called, bytes]:
    called = Called()
    environ = RequestFactory().get(path, **headers).environ
    body = b"".join(serve.PageFileApp(called.django, files.root())(environ, called.start_response))
    return called, body


class ServingTests:
    def test_stored_page_is_answered_without_django_with_the_headers_nginx_sends(
        self, client, blog
    ):
        html = warm(client, blog.get_absolute_url())
        called, body = ask(blog.get_absolute_url())
        assert not called.reached_django and called.status == "200 OK"
        assert body.decode() == html
        assert called.headers["X-Page-Cache"] == "file"
        assert called.headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Content-Security-Policy" in called.headers and "ETag" in called.headers

    def test_brotli_copy_goes_to_a_reader_who_accepts_it(self, client, blog):
        html = warm(client, blog.get_absolute_url())
        called, body = ask(blog.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, br")
        assert called.headers["Content-Encoding"] == "br"
        assert brotli.decompress(body).decode() == html

    def test_unchanged_page_answers_304_when_the_reader_sends_its_etag(self, client, blog):
        warm(client, blog.get_absolute_url())
        first, _body = ask(blog.get_absolute_url())
        again, body = ask(blog.get_absolute_url(), HTTP_IF_NONE_MATCH=first.headers["ETag"])
        assert again.status == "304 Not Modified" and body == b""

    @pytest.mark.parametrize(
        "headers",
        [
            {"HTTP_COOKIE": "sessionid=abc"},
            {"HTTP_COOKIE": "messages=abc"},
            {"HTTP_ACCEPT_LANGUAGE": "de"},
            {"HTTP_ACCEPT": "application/activity+json"},
        ],
    )
    def test_readers_nginx_would_not_match_go_to_django(self, client, blog, headers):
        warm(client, blog.get_absolute_url())
        called, body = ask(blog.get_absolute_url(), **headers)
        assert called.reached_django and body == b"rendered by Django"

    def test_stale_page_goes_to_django_once_the_blog_changes(self, client, blog, user):
        PostFactory(blog=blog)
        warm(client, blog.get_absolute_url())
        assert not ask(blog.get_absolute_url())[0].reached_django
        with self.captured_on_commit():
            update_blog(blog=blog, by=user, title="Renamed")
        called, _body = ask(blog.get_absolute_url())
        assert called.reached_django

    def test_post_form_goes_to_django(self, client, blog):
        warm(client, blog.get_absolute_url())
        called = Called()
        environ = RequestFactory().post(blog.get_absolute_url()).environ
        serve.PageFileApp(called.django, files.root())(environ, called.start_response)
        assert called.reached_django

    @pytest.fixture(autouse=True)
    def _commit(self, django_capture_on_commit_callbacks):
        self.captured_on_commit = lambda: django_capture_on_commit_callbacks(execute=True)
