"""Authorized fetch (FEDERATION_AUTHORIZED_FETCH): posts and collections only for signed GETs
from servers we accept; actors and WebFinger stay open so our signatures can be checked."""

import pytest

from chaikhana.federation.models import InstancePolicy

pytestmark = pytest.mark.django_db
AP = "application/activity+json"


@pytest.fixture(autouse=True)
def _on(settings):
    settings.FEDERATION_AUTHORIZED_FETCH = True


def test_unsigned_reads_of_posts_and_collections_are_refused(client, loopback, post):
    for path in (f"/ap/posts/{post.pk}", f"/ap/@{post.blog.name}/outbox"):
        assert client.get(path).status_code == 401
    assert client.get(post.get_absolute_url(), headers={"accept": AP}).status_code == 401
    assert client.get(post.get_absolute_url()).status_code == 200  # the page itself is public


def test_a_signed_read_gets_the_post(client, peer, post):
    response = peer.get(client, f"/ap/posts/{post.pk}")
    assert response.status_code == 200
    assert response.json()["type"] == "Article"
    negotiated = peer.get(client, post.get_absolute_url(), accept=AP)
    assert negotiated.json()["type"] == "Article"


def test_a_blocked_server_cannot_read_even_signed(client, peer, post):
    InstancePolicy.objects.create(host="127.0.0.1", mode="block")
    assert peer.get(client, f"/ap/posts/{post.pk}").status_code == 403


def test_actors_and_webfinger_stay_open(client, loopback, blog):
    assert client.get(f"/ap/@{blog.name}").status_code == 200
    resource = f"acct:{blog.name}@testserver"
    assert client.get("/.well-known/webfinger", {"resource": resource}).status_code == 200
