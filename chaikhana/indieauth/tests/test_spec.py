"""The IndieAuth spec's server checks (indieauth.rocks, spec of 2022-02-12) that run offline,
each citing its section; and the refresh tokens (§5.5), the profile scope (§5.3.4) and the
draft scope Micropub honours."""

from urllib.parse import urlsplit

import pytest

from chaikhana.blogs.models import Post
from chaikhana.indieauth.models import Grant

from .conftest import auth_params, consent, exchange, pkce

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(client, user):
    client.force_login(user)
    return client


def tokens_for(client, app, blog, grant=("create", "media")):
    verifier, challenge = pkce()
    answer = consent(client, auth_params(app, challenge, scope=" ".join(grant)), blog, grant)
    response = exchange(client, app, answer["code"], verifier)
    assert response.status_code == 200, response.content
    return response.json()


def refresh(client, app, refresh_token, **extra):
    data = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": app.url("/"),
    }
    return client.post("/indieauth/token", {**data, **extra})


def micropub(client, token, **data):
    return client.post("/micropub", data, HTTP_AUTHORIZATION=f"Bearer {token}")


class DiscoveryTests:
    def test_the_metadata_is_found_from_the_blog_address_when_an_app_reads_headers(
        self, client, blog
    ):
        page = client.get(blog.get_absolute_url())
        links = page["Link"]
        assert 'rel="indieauth-metadata"' in links  # §4.1: headers first, then the HTML
        assert 'rel="indieauth-metadata"' in page.content.decode()
        metadata = client.get("/indieauth/metadata").json()
        issuer = urlsplit(metadata["issuer"])
        # §4.1.1: the issuer is a prefix of the metadata URL, with no query or fragment.
        assert "http://testserver/indieauth/metadata".startswith(metadata["issuer"])
        assert not issuer.query and not issuer.fragment
        assert metadata["code_challenge_methods_supported"] == ["S256"]
        assert {"authorization_code", "refresh_token"} <= set(metadata["grant_types_supported"])
        assert "email" not in metadata["scopes_supported"]


class AuthorizationTests:
    def test_state_and_iss_come_back_unchanged_when_the_writer_allows(self, writer, app, blog):
        _, challenge = pkce()
        answer = consent(writer, auth_params(app, challenge, state="a b&c=d"), blog)
        metadata = writer.get("/indieauth/metadata").json()
        assert answer["state"] == "a b&c=d"  # §5.2.1
        assert answer["iss"] == metadata["issuer"]  # §5.2.1, RFC 9207

    def test_the_code_is_refused_when_another_client_presents_it(self, writer, app, blog):
        verifier, challenge = pkce()
        code = consent(writer, auth_params(app, challenge), blog)["code"]
        response = writer.post(
            "/indieauth/token",
            {
                "grant_type": "authorization_code",
                "code": code,
                "client_id": "http://127.0.0.1:1/",
                "redirect_uri": app.url("/callback"),
                "code_verifier": verifier,
            },
        )
        assert response.status_code == 400 and response.json()["error"] == "invalid_grant"
        assert not Grant.objects.exists()  # §5.3.2: client_id must match


class TokenResponseTests:
    def test_the_blog_is_me_and_no_profile_comes_when_profile_was_not_asked(
        self, writer, app, blog
    ):
        body = tokens_for(writer, app, blog)
        assert body["me"] == f"http://testserver{blog.get_absolute_url()}"  # §5.3.3
        assert body["token_type"] == "Bearer" and body["refresh_token"].startswith("iar_")
        assert "profile" not in body

    def test_the_profile_is_the_blogs_and_never_an_email_when_the_app_asks_for_both(
        self, writer, app, blog, user
    ):
        user.email = "secret@example.org"
        user.save()
        verifier, challenge = pkce()
        params = auth_params(app, challenge, scope="profile email create")
        page = writer.get("/indieauth/auth", params).content.decode()
        assert 'value="profile"' in page and 'value="email"' not in page
        code = consent(writer, params, blog, ("profile", "create"))["code"]
        body = exchange(writer, app, code, verifier).json()
        assert body["scope"] == "profile create"
        assert body["profile"] == {
            "name": blog.title,
            "url": f"http://testserver{blog.get_absolute_url()}",
            "photo": "http://testserver/apple-touch-icon.png",
        }  # §5.3.4: no email without the email scope, and we never grant it
        assert user.username not in str(body) and "secret@" not in str(body)

    def test_the_profile_comes_with_me_when_the_app_only_signs_in(self, writer, app, blog):
        verifier, challenge = pkce()
        params = auth_params(app, challenge, scope="profile")
        code = consent(writer, params, blog, ("profile",))["code"]
        response = writer.post(
            "/indieauth/auth",
            {
                "grant_type": "authorization_code",
                "code": code,
                "client_id": app.url("/"),
                "redirect_uri": app.url("/callback"),
                "code_verifier": verifier,
            },
        )
        assert response.json()["profile"]["name"] == blog.title  # §5.3.3 with §5.3.4
        assert "access_token" not in response.json()


class RefreshTests:
    def test_a_refresh_gives_new_tokens_and_ends_the_old_ones(self, writer, app, blog):
        first = tokens_for(writer, app, blog)
        renewed = refresh(writer, app, first["refresh_token"])
        assert renewed.status_code == 200 and "no-store" in renewed["Cache-Control"]
        body = renewed.json()
        assert body["access_token"] != first["access_token"]
        assert body["refresh_token"] != first["refresh_token"]
        assert micropub(writer, first["access_token"], h="entry", content="x").status_code == 401
        assert micropub(writer, body["access_token"], h="entry", content="x").status_code == 201
        assert Grant.objects.count() == 1

    def test_a_reused_refresh_token_revokes_the_grant(self, writer, app, blog):
        first = tokens_for(writer, app, blog)
        body = refresh(writer, app, first["refresh_token"]).json()
        again = refresh(writer, app, first["refresh_token"])
        assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
        assert micropub(writer, body["access_token"], h="entry", content="x").status_code == 401
        assert refresh(writer, app, body["refresh_token"]).status_code == 400

    def test_a_refresh_may_narrow_the_scopes_but_not_widen_them(self, writer, app, blog):
        first = tokens_for(writer, app, blog, ("create", "media"))
        wider = refresh(writer, app, first["refresh_token"], scope="create delete")
        assert wider.status_code == 400 and wider.json()["error"] == "invalid_scope"
        narrower = refresh(writer, app, first["refresh_token"], scope="create")
        assert narrower.json()["scope"] == "create"

    def test_a_refresh_token_is_refused_when_another_app_or_a_revoked_grant_presents_it(
        self, writer, app, blog
    ):
        first = tokens_for(writer, app, blog)
        other = writer.post(
            "/indieauth/token",
            {
                "grant_type": "refresh_token",
                "refresh_token": first["refresh_token"],
                "client_id": "http://127.0.0.1:1/",
            },
        )
        assert other.status_code == 400 and "another app" in other.json()["error_description"]
        writer.post("/indieauth/revoke", {"token": first["refresh_token"]})  # RFC 7009 §2.1
        assert refresh(writer, app, first["refresh_token"]).status_code == 400
        assert micropub(writer, first["access_token"], h="entry", content="x").status_code == 401


class DraftScopeTests:
    def test_a_post_stays_a_draft_when_the_token_has_only_the_draft_scope(self, writer, app, blog):
        token = tokens_for(writer, app, blog, ("draft",))["access_token"]
        response = micropub(writer, token, h="entry", content="x", **{"post-status": "published"})
        assert response.status_code == 201
        assert Post.objects.get().status == Post.Status.DRAFT
