"""IndieAuth refusals, each precise and storing nothing: a PKCE verifier that does not match,
a redirect URI on another host, replayed and expired codes, tokens for another blog, scopes
that do not cover the call, and people who may not consent."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chaikhana.blogs.models import Post
from chaikhana.core.testing.factories import (
    BlogFactory,
    MembershipFactory,
    PostFactory,
    UserFactory,
)
from chaikhana.indieauth.models import AuthorizationCode, Grant

from .conftest import APP_PAGE, auth_params, consent, exchange, pkce

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(client, user):
    client.force_login(user)
    return client


def token_for(client, app, blog, grant=("create", "media")):
    verifier, challenge = pkce()
    answer = consent(client, auth_params(app, challenge, scope=" ".join(grant)), blog, grant)
    response = exchange(client, app, answer["code"], verifier)
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


def micropub(client, token, **data):
    return client.post("/micropub", data, HTTP_AUTHORIZATION=f"Bearer {token}")


class AuthorizationRequestTests:
    def test_a_redirect_uri_on_another_host_is_shown_to_the_writer_not_followed(
        self, writer, app, blog
    ):
        _, challenge = pkce()
        params = auth_params(app, challenge, redirect_uri="http://127.0.0.2:9/steal")
        response = writer.get("/indieauth/auth", params)
        assert response.status_code == 400
        assert "not on its own site" in response.content.decode()
        refused = writer.post(
            "/indieauth/consent", {**params, "decision": "allow", "blog": blog.pk}
        )
        assert refused.status_code == 400 and not AuthorizationCode.objects.exists()

    def test_a_redirect_uri_the_apps_page_publishes_is_accepted(self, writer, app, blog):
        app.html("/", APP_PAGE + '<link rel="redirect_uri" href="http://localhost:1/cb">')
        _, challenge = pkce()
        params = auth_params(app, challenge, redirect_uri="http://localhost:1/cb")
        assert writer.get("/indieauth/auth", params).status_code == 200

    def test_without_pkce_the_app_hears_invalid_request(self, writer, app):
        params = auth_params(app, "")
        del params["code_challenge_method"]
        response = writer.get("/indieauth/auth", params)
        query = parse_qs(urlsplit(response["Location"]).query)
        assert response["Location"].startswith(app.url("/callback"))
        assert query["error"] == ["invalid_request"] and query["state"] == ["st4te"]

    def test_a_bad_client_id_is_shown_not_redirected(self, writer):
        response = writer.get("/indieauth/auth", {"client_id": "javascript:alert(1)"})
        assert response.status_code == 400 and "client_id" in response.content.decode()

    def test_a_stranger_is_sent_to_log_in_first(self, client, app):
        _, challenge = pkce()
        response = client.get("/indieauth/auth", auth_params(app, challenge))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_someone_who_writes_for_no_blog_cannot_consent(self, client, app):
        client.force_login(UserFactory())
        _, challenge = pkce()
        response = client.get("/indieauth/auth", auth_params(app, challenge))
        assert response.status_code == 403

    def test_she_cannot_consent_for_a_blog_she_does_not_write_for(self, writer, app):
        _, challenge = pkce()
        params = {**auth_params(app, challenge), "decision": "allow", "blog": BlogFactory().pk}
        assert writer.post("/indieauth/consent", params).status_code == 404
        assert not AuthorizationCode.objects.exists()

    def test_deny_tells_the_app_access_denied(self, writer, app, blog):
        _, challenge = pkce()
        params = {**auth_params(app, challenge), "decision": "deny", "blog": blog.pk}
        response = writer.post("/indieauth/consent", params)
        assert (
            "error=access_denied" in response["Location"] and not AuthorizationCode.objects.exists()
        )


class TokenEndpointTests:
    def test_a_verifier_that_does_not_match_gets_no_token(self, writer, app, blog):
        _verifier, challenge = pkce()
        code = consent(writer, auth_params(app, challenge), blog)["code"]
        response = exchange(writer, app, code, pkce()[0])
        assert response.status_code == 400
        assert response.json() == {
            "error": "invalid_grant",
            "error_description": "The code_verifier does not match the code_challenge.",
        }
        assert not Grant.objects.exists()

    def test_a_replayed_code_is_refused_and_revokes_the_token_it_gave(self, writer, app, blog):
        verifier, challenge = pkce()
        code = consent(writer, auth_params(app, challenge), blog)["code"]
        token = exchange(writer, app, code, verifier).json()["access_token"]
        again = exchange(writer, app, code, verifier)
        assert again.status_code == 400 and "already used" in again.json()["error_description"]
        assert Grant.objects.get().revoked_at is not None
        assert micropub(writer, token, h="entry", content="x").status_code == 401
        assert not Post.objects.exists()

    def test_an_expired_code_is_refused(self, writer, app, blog, settings):
        settings.INDIEAUTH_CODE_SECONDS = 0
        verifier, challenge = pkce()
        code = consent(writer, auth_params(app, challenge), blog)["code"]
        response = exchange(writer, app, code, verifier)
        assert response.status_code == 400 and "expired" in response.json()["error_description"]
        assert not Grant.objects.exists()

    def test_another_redirect_uri_at_the_exchange_is_refused(self, writer, app, blog):
        verifier, challenge = pkce()
        code = consent(writer, auth_params(app, challenge), blog)["code"]
        response = writer.post(
            "/indieauth/token",
            {
                "grant_type": "authorization_code",
                "code": code,
                "client_id": app.url("/"),
                "redirect_uri": app.url("/other"),
                "code_verifier": verifier,
            },
        )
        assert response.json()["error"] == "invalid_grant" and not Grant.objects.exists()

    def test_a_code_without_scopes_signs_in_but_gives_no_token(self, writer, app, blog):
        verifier, challenge = pkce()
        code = consent(writer, auth_params(app, challenge, scope=""), blog, grant=())["code"]
        assert exchange(writer, app, code, verifier).json()["error"] == "invalid_grant"
        verifier, challenge = pkce()
        code = consent(writer, auth_params(app, challenge, scope=""), blog, grant=())["code"]
        profile = writer.post(
            "/indieauth/auth",
            {
                "code": code,
                "client_id": app.url("/"),
                "redirect_uri": app.url("/callback"),
                "code_verifier": verifier,
            },
        )
        assert profile.json() == {"me": f"http://testserver/@{blog.name}/"}

    def test_missing_fields_are_named(self, client):
        response = client.post("/indieauth/token", {"grant_type": "authorization_code"})
        assert response.json()["error_description"] == (
            "Missing: code, client_id, redirect_uri, code_verifier."
        )

    def test_revoked_tokens_stop_and_introspection_says_so(self, writer, app, blog):
        token = token_for(writer, app, blog)
        other = token_for(writer, app, blog)
        seen = writer.post(
            "/indieauth/introspect", {"token": token}, HTTP_AUTHORIZATION=f"Bearer {other}"
        )
        assert (
            seen.json()["active"] is True
            and seen.json()["me"] == f"http://testserver/@{blog.name}/"
        )
        assert writer.post("/indieauth/introspect", {"token": token}).status_code == 401
        assert writer.post("/indieauth/revoke", {"token": token}).status_code == 200
        seen = writer.post(
            "/indieauth/introspect", {"token": token}, HTTP_AUTHORIZATION=f"Bearer {other}"
        )
        assert seen.json() == {"active": False}
        assert micropub(writer, token, h="entry", content="x").status_code == 401


class MicropubWithTokensTests:
    def test_a_token_for_another_blog_reaches_nothing_there(self, writer, app, blog, user):
        second = BlogFactory()
        MembershipFactory(blog=second, user=user)
        theirs = PostFactory(blog=second, status=Post.Status.PUBLISHED, slug="there")
        token = token_for(writer, app, blog, grant=("create", "update", "delete"))
        response = micropub(
            writer,
            token,
            h="entry",
            content="x",
            **{"mp-destination": f"http://testserver/@{second.name}/"},
        )
        assert response.status_code == 403
        assert response.json()["error_description"] == f"This token signs in to {blog.name} only."
        deleted = micropub(
            writer, token, action="delete", url=f"http://testserver{theirs.get_absolute_url()}"
        )
        assert deleted.status_code == 403 and Post.objects.filter(pk=theirs.pk).exists()
        assert Post.objects.count() == 1

    def test_scopes_that_do_not_cover_the_call_are_refused_by_name(self, writer, app, blog):
        token = token_for(writer, app, blog, grant=("update",))
        response = micropub(writer, token, h="entry", content="x")
        assert response.status_code == 403
        assert response.json() == {
            "error": "insufficient_scope",
            "error_description": "This token was not granted the “create” scope.",
            "scope": "create",
        }
        assert 'scope="create"' in response["WWW-Authenticate"]
        photo = SimpleUploadedFile("a.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
        media = writer.post(
            "/micropub/media", {"file": photo}, HTTP_AUTHORIZATION=f"Bearer {token}"
        )
        assert media.status_code == 403 and media.json()["error"] == "insufficient_scope"
        assert not Post.objects.exists() and not blog.media_files.exists()

    def test_the_config_query_names_only_the_tokens_blog(self, writer, app, blog, user):
        MembershipFactory(blog=BlogFactory(), user=user)
        token = token_for(writer, app, blog)
        config = writer.get("/micropub", {"q": "config"}, HTTP_AUTHORIZATION=f"Bearer {token}")
        assert [d["uid"] for d in config.json()["destination"]] == [
            f"http://testserver/@{blog.name}/"
        ]

    def test_a_writer_who_left_the_blog_loses_the_token(self, writer, app, blog, user):
        token = token_for(writer, app, blog)
        blog.memberships.filter(user=user).delete()
        assert micropub(writer, token, h="entry", content="x").status_code == 401


class GrantsOnTheProfileTests:
    def test_she_sees_her_app_sign_ins_and_revokes_one(self, writer, app, blog):
        token = token_for(writer, app, blog)
        page = writer.get("/accounts/app-passwords/").content.decode()
        assert "Quill (test)" in page and f"http://testserver/@{blog.name}/" in page
        grant = Grant.objects.get()
        response = writer.post(f"/indieauth/grants/{grant.pk}/revoke", follow=True)
        assert "can no longer post" in response.content.decode()
        assert micropub(writer, token, h="entry", content="x").status_code == 401

    def test_nobody_else_revokes_her_sign_in(self, writer, app, blog, client):
        token_for(writer, app, blog)
        grant = Grant.objects.get()
        client.force_login(UserFactory())
        assert client.post(f"/indieauth/grants/{grant.pk}/revoke").status_code == 404
        grant.refresh_from_db()
        assert grant.revoked_at is None
