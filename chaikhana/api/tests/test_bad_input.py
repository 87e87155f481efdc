"""Bad input, as the issue lists it: each a precise problem document, nothing stored."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.accounts.models import AppPassword
from chaikhana.api.tests.helpers import call, token_for
from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import BlogFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def blog(owner):
    return BlogFactory(owner=owner)


def problem(answer, status):
    assert answer.status_code == status, answer.content
    assert answer["Content-Type"] == "application/problem+json"
    body = answer.json()
    assert {"type", "title", "status", "detail"} <= set(body) and body["status"] == status
    return body


class BodyTests:
    def test_malformed_json_is_a_400(self, client, owner, blog):
        answer = client.post(
            f"/api/v1/manage/{blog.name}/posts",
            data="{title: ",
            content_type="application/json",
            headers={"Authorization": f"Bearer {token_for(owner)}"},
        )
        assert problem(answer, 400)["type"].endswith("/malformed-body")
        assert not Post.objects.exists()

    def test_unknown_field_is_refused_and_named(self, client, owner, blog):
        answer = call(
            client,
            "post",
            f"/manage/{blog.name}/posts",
            token_for(owner),
            json={"title": "x", "colour": "red"},
        )
        assert problem(answer, 422)["errors"] == [
            {"field": "colour", "detail": "This field is unknown here; leave it out."}
        ]
        assert not Post.objects.exists()

    def test_wrong_type_and_missing_field_are_named(self, client, owner, blog):
        answer = call(
            client, "post", f"/manage/{blog.name}/posts", token_for(owner), json={"tags": "rain"}
        )
        fields = {e["field"] for e in problem(answer, 422)["errors"]}
        assert fields == {"title", "tags"}

    def test_errors_come_in_the_callers_language(self, client, owner, blog):
        answer = call(
            client,
            "post",
            f"/manage/{blog.name}/posts",
            token_for(owner),
            json={"title": "x", "colour": "red"},
            headers={"Accept-Language": "ru"},
        )
        assert answer.json()["errors"][0]["detail"] != "This field is unknown here; leave it out."
        assert answer["Content-Language"] == "ru"

    @override_settings(API_MAX_BODY_BYTES=1000)
    def test_oversized_body_is_a_413_before_it_is_read(self, client, owner, blog):
        answer = call(
            client,
            "post",
            f"/manage/{blog.name}/posts",
            token_for(owner),
            json={"title": "x", "body": "y" * 2000},
        )
        problem(answer, 413)
        assert not Post.objects.exists()

    def test_invalid_action_input_names_the_field(self, client, owner, blog):
        answer = call(
            client,
            "post",
            f"/manage/{blog.name}/posts",
            token_for(owner),
            json={"title": "x", "slug": "feed"},
        )
        assert problem(answer, 422)["errors"][0]["field"] == "slug"


class TokenTests:
    def test_missing_token_is_a_401_with_a_challenge(self, client, blog):
        answer = call(client, "post", f"/manage/{blog.name}/posts", json={"title": "x"})
        problem(answer, 401)
        assert answer["WWW-Authenticate"].startswith("Bearer")

    def test_wrong_token_is_a_401(self, client, blog):
        answer = call(client, "get", "/me", "abcdefghij." + "x" * 32)
        problem(answer, 401)

    def test_expired_token_is_a_401(self, client, owner, blog):
        row, value = create_app_password(
            user=owner, name="old", expires_at=timezone.now() + timedelta(days=1)
        )
        AppPassword.objects.filter(pk=row.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
        problem(call(client, "get", "/me", value), 401)

    def test_token_in_the_query_string_is_refused(self, client, owner):
        answer = client.get(f"/api/v1/me?access_token={token_for(owner)}")
        assert problem(answer, 400)["type"].endswith("/token-in-query")

    def test_token_for_another_blog_is_a_403_and_nothing_is_stored(self, client, owner, blog):
        other = BlogFactory(owner=owner)
        token = token_for(owner, blog_ids=[other.pk])
        answer = call(client, "post", f"/manage/{blog.name}/posts", token, json={"title": "x"})
        problem(answer, 403)
        assert not Post.objects.exists()

    def test_scope_that_does_not_cover_the_call_is_a_403_naming_it(self, client, owner, blog):
        token = token_for(owner, scopes=["read"])
        answer = call(client, "post", f"/manage/{blog.name}/posts", token, json={"title": "x"})
        assert problem(answer, 403)["scope"] == "posts"
        assert not Post.objects.exists()

    def test_last_use_is_recorded(self, client, owner):
        token = token_for(owner)
        call(client, "get", "/me", token)
        assert AppPassword.objects.get(user=owner).last_used_at is not None


class RateLimitTests:
    @override_settings(API_ANONYMOUS_REQUESTS_PER_MINUTE=2)
    def test_third_call_in_a_minute_is_a_429_with_retry_after(self, client, blog):
        first = call(client, "get", "/blogs")
        assert first["RateLimit-Policy"] == '"default";q=2;w=60'
        assert '"default";r=1;' in first["RateLimit"]
        call(client, "get", "/blogs")
        answer = call(client, "get", "/blogs")
        problem(answer, 429)
        assert int(answer["Retry-After"]) > 0


class ProtocolTests:
    def test_a_body_that_is_not_an_object_is_refused_as_the_body(self, client, owner, blog):
        answer = call(client, "post", f"/manage/{blog.name}/posts", token_for(owner), json=[1])
        assert problem(answer, 422)["errors"][0]["field"] == "body"

    def test_unknown_address_and_method_answer_problem_documents(self, client, blog):
        problem(client.get("/api/v1/nowhere"), 404)
        refused = call(client, "put", f"/blogs/{blog.name}/posts")
        problem(refused, 405)
        assert "GET" in refused["Allow"]

    def test_head_is_get_without_the_body(self, client, blog):
        answer = client.head(f"/api/v1/blogs/{blog.name}/posts")
        assert answer.status_code == 200 and answer.content == b"" and answer["ETag"]
