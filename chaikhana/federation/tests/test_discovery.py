"""WebFinger, NodeInfo, host-meta and actor JSON: who is an actor, and what it shows."""

import json

import pytest

from chaikhana.blogs.models import Blog
from chaikhana.core.testing.factories import BlogFactory, UserFactory

pytestmark = pytest.mark.django_db
AP = "application/activity+json"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


class WebFingerTests:
    def test_a_listed_blog_resolves_to_its_actor(self, client, blog):
        response = client.get(
            "/.well-known/webfinger", {"resource": f"acct:{blog.name}@testserver"}
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/jrd+json"
        data = response.json()
        assert data["subject"] == f"acct:{blog.name}@testserver"
        self_link = next(link for link in data["links"] if link["rel"] == "self")
        assert self_link == {
            "rel": "self",
            "type": AP,
            "href": f"http://testserver/ap/@{blog.name}",
        }

    @pytest.mark.parametrize("visibility", [Blog.Visibility.UNLISTED, Blog.Visibility.PRIVATE])
    def test_unlisted_and_private_blogs_are_no_actors(self, client, visibility):
        blog = BlogFactory(visibility=visibility)
        response = client.get(
            "/.well-known/webfinger", {"resource": f"acct:{blog.name}@testserver"}
        )
        assert response.status_code == 404
        assert client.get(f"/ap/@{blog.name}").status_code == 404

    def test_a_suspended_blog_is_gone(self, client):
        blog = BlogFactory(is_active=False)
        assert client.get(f"/ap/@{blog.name}").status_code == 410

    def test_a_deleted_blog_that_was_an_actor_is_gone_when_its_owner_deleted_it(
        self, client, blog, user, django_capture_on_commit_callbacks
    ):
        from chaikhana.blogs.actions.blogs import delete_blog
        from chaikhana.federation.models import ActorKey, GoneActor

        name = blog.name
        assert client.get(f"/ap/@{name}").status_code == 200  # a server fetched it: a key
        with django_capture_on_commit_callbacks(execute=True):
            delete_blog(blog=blog, by=user)
        actor = client.get(f"/ap/@{name}")
        assert actor.status_code == 410
        assert actor.json()["type"] == "Tombstone"
        for resource in (f"acct:{name}@testserver", f"http://testserver/ap/@{name}"):
            assert client.get("/.well-known/webfinger", {"resource": resource}).status_code == 410
        assert client.get(f"/ap/@{name}/outbox").status_code == 410
        assert list(GoneActor.objects.values_list("name", flat=True)) == [name]
        assert not ActorKey.objects.filter(actor__startswith="blog:").exists()

    def test_a_deleted_blog_no_server_knew_is_not_found_when_deleted(
        self, client, blog, user, django_capture_on_commit_callbacks
    ):
        from chaikhana.blogs.actions.blogs import delete_blog

        name = blog.name
        with django_capture_on_commit_callbacks(execute=True):
            delete_blog(blog=blog, by=user)
        assert client.get(f"/ap/@{name}").status_code == 404
        response = client.get("/.well-known/webfinger", {"resource": f"acct:{name}@testserver"})
        assert response.status_code == 404

    def test_another_host_in_the_handle_is_not_ours(self, client, blog):
        response = client.get(
            "/.well-known/webfinger", {"resource": f"acct:{blog.name}@evil.example"}
        )
        assert response.status_code == 404

    def test_no_person_account_is_an_actor(self, client, blog, user):
        response = client.get(
            "/.well-known/webfinger", {"resource": f"acct:{user.username}@testserver"}
        )
        assert response.status_code == 404

    def test_the_blog_host_answers_in_subdomain_mode(self, client, settings, blog):
        settings.BLOG_HOST_MODE, settings.BLOG_DOMAIN = "subdomain", "blogs.example"
        settings.ALLOWED_HOSTS = [".blogs.example", "testserver"]
        host = f"{blog.name}.blogs.example"
        response = client.get(
            "/.well-known/webfinger",
            {"resource": f"acct:{blog.name}@{host}"},
            headers={"host": host},
        )
        assert response.status_code == 200
        assert response.json()["links"][0]["href"] == f"http://testserver/ap/@{blog.name}"


class ActorTests:
    def test_actor_has_key_inboxes_and_collections(self, client, blog):
        data = client.get(f"/ap/@{blog.name}", headers={"accept": AP}).json()
        assert data["type"] == "Person"
        assert data["preferredUsername"] == blog.name
        assert data["inbox"].endswith(f"/ap/@{blog.name}/inbox")
        assert data["endpoints"]["sharedInbox"] == "http://testserver/ap/inbox"
        assert data["publicKey"]["id"] == f"{data['id']}#main-key"
        assert data["publicKey"]["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")
        assert data["url"] == f"http://testserver/@{blog.name}/"
        for name in ("outbox", "followers", "following", "featured"):
            assert client.get(data[name]).status_code == 200
        assert client.get(data["following"]).json()["totalItems"] == 0  # a blog follows no one

    def test_three_blogs_of_one_person_share_nothing_that_links_them(self, client):
        person = UserFactory(username="secret-person")
        blogs = [BlogFactory(owner=person) for _ in range(3)]
        documents = [client.get(f"/ap/@{b.name}").content.decode() for b in blogs]
        keys = {json.loads(d)["publicKey"]["publicKeyPem"] for d in documents}
        assert len(keys) == 3
        for document in documents:
            assert "secret-person" not in document
        for blog, document in zip(blogs, documents, strict=True):
            for other in blogs:
                if other != blog:
                    assert other.name not in document

    def test_a_blog_switched_off_by_its_owner_is_no_actor(self, client, blog):
        from chaikhana.federation.models import BlogFederation

        BlogFederation.objects.create(blog=blog, enabled=False)
        assert client.get(f"/ap/@{blog.name}").status_code == 404

    def test_the_network_switch_turns_every_actor_off(self, client, settings, blog):
        settings.FEDERATION_ENABLED = False
        assert client.get(f"/ap/@{blog.name}").status_code == 404


class NodeInfoTests:
    def test_nodeinfo_is_linked_and_counts_blogs_not_people(self, client, blog):
        links = client.get("/.well-known/nodeinfo").json()["links"]
        assert links[0]["rel"] == "http://nodeinfo.diaspora.software/ns/schema/2.1"
        data = client.get("/nodeinfo/2.1").json()
        assert data["version"] == "2.1"
        assert data["protocols"] == ["activitypub"]
        assert data["usage"]["users"]["total"] == 1

    def test_host_meta_points_at_webfinger(self, client):
        response = client.get("/.well-known/host-meta")
        assert response.status_code == 200
        assert b"/.well-known/webfinger?resource={uri}" in response.content
