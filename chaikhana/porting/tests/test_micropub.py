"""Micropub beyond the micropub.rocks suite: destinations, drafts, roles, refusals."""

import pytest

from chaikhana.accounts.app_passwords import create_app_password
from chaikhana.blogs.models import Post
from chaikhana.blogs.roles import Role
from chaikhana.core.testing.factories import BlogFactory, MembershipFactory, UserFactory


@pytest.fixture
def token(user):
    return create_app_password(user=user, name="quill")[1]


def post(client, token, data, **extra):
    return client.post("/micropub", data, HTTP_AUTHORIZATION=f"Bearer {token}", **extra)


@pytest.mark.django_db
class MicropubTests:
    def test_draft_with_slug_name_and_published(self, client, blog, token):
        data = {
            "h": "entry",
            "name": "Title",
            "content": "a <b>",
            "post-status": "draft",
            "mp-slug": "my-slug",
            "published": "2024-01-02T03:04:05+06:00",
        }
        response = post(client, token, data)
        stored = Post.objects.get()
        assert response["Location"].endswith(f"/@{blog.name}/my-slug/")
        assert (stored.title, stored.status) == ("Title", Post.Status.DRAFT)
        assert "a &lt;b&gt;" in stored.body_html  # plain text is escaped, not HTML
        assert stored.published_at.isoformat() == "2024-01-01T21:04:05+00:00"  # kept for later

    def test_backdates_the_post_when_published_is_in_the_past(self, client, blog, token):
        data = {"h": "entry", "content": "old news", "published": "2024-01-02T03:04:05+06:00"}
        assert post(client, token, data).status_code == 201
        stored = Post.objects.get()
        assert stored.status == Post.Status.PUBLISHED
        assert stored.published_at.isoformat() == "2024-01-01T21:04:05+00:00"

    def test_destination_picks_another_of_her_blogs(self, client, blog, user, token):
        other = BlogFactory(owner=user)
        config = client.get("/micropub?q=config", HTTP_AUTHORIZATION=f"Bearer {token}").json()
        uid = next(d["uid"] for d in config["destination"] if d["name"] == other.title)
        post(client, token, {"h": "entry", "content": "x", "mp-destination": uid})
        assert Post.objects.get().blog == other

    def test_a_blog_she_does_not_write_for_is_refused(self, client, blog, token):
        stranger = BlogFactory()
        response = post(
            client, token, {"h": "entry", "content": "x", "mp-destination": stranger.name}
        )
        assert response.status_code == 400 and not Post.objects.exists()

    def test_contributor_publishing_is_forbidden(self, client, blog):
        contributor = UserFactory()
        MembershipFactory(blog=blog, user=contributor, role=Role.CONTRIBUTOR)
        token = create_app_password(user=contributor, name="phone")[1]
        response = post(client, token, {"h": "entry", "content": "x"})
        assert response.status_code == 403 and response.json()["error"] == "forbidden"
        assert (
            post(client, token, {"h": "entry", "content": "x", "post-status": "draft"}).status_code
            == 201
        )

    def test_contributor_update_asking_to_publish_changes_nothing(self, client, blog):
        contributor = UserFactory()
        MembershipFactory(blog=blog, user=contributor, role=Role.CONTRIBUTOR)
        token = create_app_password(user=contributor, name="phone")[1]
        created = post(client, token, {"h": "entry", "content": "first", "post-status": "draft"})
        body = {
            "action": "update",
            "url": created["Location"],
            "replace": {"content": ["second"], "post-status": ["published"]},
        }
        response = post(client, token, body, content_type="application/json")
        assert response.status_code == 403 and response.json()["error"] == "forbidden"
        stored = Post.objects.get()
        assert ("first" in stored.body_html, stored.status) == (True, Post.Status.DRAFT)

    def test_undelete_is_a_clear_error(self, client, blog, token):
        response = post(client, token, {"action": "undelete", "url": "http://testserver/@x/y/"})
        assert response.status_code == 400 and response.json()["error"] == "invalid_request"

    def test_bad_json_unknown_query_and_other_types(self, client, blog, token):
        bad = post(client, token, "{nope", content_type="application/json")
        assert bad.status_code == 400
        query = client.get("/micropub?q=everything", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert query.status_code == 400
        event = post(client, token, {"h": "event", "name": "x"})
        assert event.status_code == 400 and not Post.objects.exists()

    def test_update_of_someone_elses_post_is_refused(self, client, blog, token):
        theirs = BlogFactory()
        other = create_app_password(user=theirs.memberships.get().user, name="x")[1]
        created = post(client, other, {"h": "entry", "content": "mine"})
        body = {
            "action": "update",
            "url": created["Location"],
            "replace": {"content": ["hijacked"]},
        }
        response = post(client, token, body, content_type="application/json")
        assert response.status_code == 400
        assert "hijacked" not in Post.objects.get().body_html

    def test_the_missing_scope_is_named_when_a_password_lacks_posts(self, client, blog, user):
        _, reader = create_app_password(user=user, name="reader", scopes=["read"])
        response = post(client, reader, {"h": "entry", "content": "x"})
        assert response.status_code == 403 and not Post.objects.exists()
        assert (response.json()["error"], response.json()["scope"]) == (
            "insufficient_scope",
            "posts",
        )
        assert 'scope="posts"' in response["WWW-Authenticate"]

    def test_query_without_token_is_unauthorized(self, client, blog):
        response = client.get("/micropub?q=config")
        assert response.status_code == 401 and "Bearer" in response["WWW-Authenticate"]

    def test_repeated_bad_tokens_are_throttled(self, client, blog, token):
        ident = token.partition(".")[0]
        for _ in range(5):
            post(client, f"{ident}.{'x' * 32}", {"h": "entry", "content": "x"})
        assert post(client, token, {"h": "entry", "content": "x"}).status_code == 429


@pytest.mark.django_db
class MicropubTokenPlacementTests:
    def test_query_token_is_refused_when_a_client_reads_the_config(self, client, blog, token):
        response = client.get(f"/micropub?q=config&access_token={token}")
        assert response.status_code == 401
        assert "Authorization header" in response.json()["error_description"]

    def test_query_token_is_refused_when_a_client_posts(self, client, blog, token):
        response = client.post(f"/micropub?access_token={token}", {"h": "entry", "content": "x"})
        assert response.status_code == 401
        assert "Authorization header" in response.json()["error_description"]
        assert not Post.objects.exists()

    def test_query_token_is_refused_when_a_client_uploads_media(self, client, blog, token):
        response = client.post(f"/micropub/media?access_token={token}", {})
        assert response.status_code == 401
        assert "Authorization header" in response.json()["error_description"]

    def test_form_body_token_is_accepted_when_a_client_posts(self, client, blog, token):
        data = {"h": "entry", "content": "From the body", "access_token": token}
        assert client.post("/micropub", data).status_code == 201
