"""The Content-Security-Policy: on every kind of page, and script-free on post pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from chaikhana.core.csp import content_security_policy, media_origins
from chaikhana.core.testing.factories import PostFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {
        name: value.strip()
        for name, _, value in (part.strip().partition(" ") for part in header.split(";"))
    }


class PolicyHeaderTests:
    def test_every_kind_of_page_carries_the_policy_when_read(self, client, blog, user):
        post = PostFactory(blog=blog)
        public = [
            "/",
            reverse("directory"),
            reverse("search"),
            blog.get_absolute_url(),
            post.get_absolute_url(),
            reverse("accounts:login"),
            reverse("accounts:signup"),
            "/courses/",
            "/no-such-page/",
        ]
        signed_in = Client()
        signed_in.force_login(user)
        pages = [(client, url) for url in public]
        pages.append((signed_in, reverse("media:library", args=[blog.name])))
        for reader, url in pages:
            response = reader.get(url)
            assert response.status_code in (200, 404), url
            policy = directives(response)
            assert policy["default-src"] == "'self'", url
            assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
            assert "unsafe-inline" not in policy.get("script-src", ""), url
            assert policy["form-action"].startswith("'self'"), url

    def test_post_page_allows_no_script_when_read(self, client, blog):
        post = PostFactory(blog=blog)
        assert directives(client.get(blog.get_absolute_url()))["script-src"] == "'self'"
        first = client.get(post.get_absolute_url())
        again = client.get(post.get_absolute_url())  # from the page cache
        assert directives(first)["script-src"] == directives(again)["script-src"] == "'none'"


class PolicySettingTests:
    def test_media_host_is_allowed_when_files_live_on_s3(self):
        options = {"bucket_name": "chai", "custom_domain": "media.example.kg"}
        policy = content_security_policy(
            s3_options=options, site_url="https://x.kg", blog_domain=""
        )
        assert "https://media.example.kg" in policy["DIRECTIVES"]["img-src"]
        assert "https://media.example.kg" in policy["DIRECTIVES"]["media-src"]
        assert media_origins({"bucket_name": "chai", "endpoint_url": "https://s3.x.kg/"}) == [
            "https://s3.x.kg"
        ]
        assert media_origins(None) == []

    def test_forms_may_post_to_the_network_host_when_blogs_have_subdomains(self):
        policy = content_security_policy(
            s3_options=None,
            site_url="https://chaikhana.kg",
            blog_domain="blogs.kg",
            onion_host="chai.onion",
        )
        assert policy["DIRECTIVES"]["form-action"] == [
            "'self'",
            "https://chaikhana.kg",
            "blogs.kg",
            "*.blogs.kg",
            "chai.onion",
            "*.chai.onion",
        ]
