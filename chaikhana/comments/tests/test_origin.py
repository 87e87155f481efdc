"""Guest comments are taken only from our own pages (comments/origin.py), by the browser's word."""

import pytest
from django.test import Client, override_settings
from django.utils import translation

from chaikhana.comments.identity import COOKIE
from chaikhana.comments.models import Comment
from chaikhana.comments.tests.helpers import form_data
from chaikhana.core.testing.factories import PostFactory

ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion"


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog)


def send(post, *, client=None, **headers):
    url = post.blog.url("blogs:comments:create", slug=post.slug)
    return (client or Client()).post(url, form_data(body="Из формы"), **headers)


class GuestCommentOriginTests:
    @pytest.mark.parametrize(
        "headers",
        [
            {"HTTP_SEC_FETCH_SITE": "cross-site"},
            {"HTTP_SEC_FETCH_SITE": "same-site"},  # another blog's host in subdomain mode
            {"HTTP_SEC_FETCH_SITE": "none"},
            {"HTTP_ORIGIN": "https://evil.example"},
            {"HTTP_ORIGIN": "null"},
            {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        ],
        ids=["cross-site", "same-site", "none", "other origin", "null origin", "fetch first"],
    )
    def test_refused_keeping_nothing_when_sent_from_another_site(self, post, headers):
        response = send(post, **headers)
        assert response.status_code == 403
        assert "was not posted" in response.content.decode()
        assert "Из формы" not in response.content.decode()
        assert not Comment.objects.exists()
        assert COOKIE not in response.cookies

    @pytest.mark.parametrize(
        "headers",
        [
            {"HTTP_SEC_FETCH_SITE": "same-origin"},
            {"HTTP_ORIGIN": "http://testserver"},
            {},  # a browser too old to send either: the spam engine's token still applies
        ],
        ids=["same-origin", "our origin", "neither header"],
    )
    def test_posted_when_sent_from_our_page(self, post, headers):
        response = send(post, **headers)
        assert response.status_code == 302
        assert Comment.objects.filter(body_source="Из формы").exists()
        assert COOKIE in response.cookies

    @override_settings(ONION_HOST=ONION, ALLOWED_HOSTS=["testserver", ONION])
    def test_posted_when_origin_is_the_onion_address(self, post):
        assert send(post, HTTP_ORIGIN=f"http://{ONION}").status_code == 302

    @override_settings(
        BLOG_HOST_MODE="subdomain", BLOG_DOMAIN="blogs.example", ALLOWED_HOSTS=[".blogs.example"]
    )
    def test_posted_when_origin_is_the_blogs_own_host_in_subdomain_mode(self, post):
        host = f"{post.blog.name}.blogs.example"
        response = send(post, HTTP_HOST=host, HTTP_ORIGIN=f"https://{host}")
        assert response.status_code == 302
        other = send(post, HTTP_HOST=host, HTTP_ORIGIN="https://other.blogs.example")
        assert other.status_code == 403

    def test_refusal_is_in_the_readers_language(self, post):
        with translation.override("en"):  # the middleware leaves Russian on: put English back
            response = send(post, HTTP_SEC_FETCH_SITE="cross-site", HTTP_ACCEPT_LANGUAGE="ru")
        assert response.status_code == 403
        assert 'lang="ru"' in response.content.decode()
