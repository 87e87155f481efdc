"""A Micropub app signs in through IndieAuth, written against the spec with authlib's
generic OAuth 2.0 client: discovery from the blog's address → authorization with PKCE
(the writer consents in her browser session) → token → a post with a photo via Micropub →
the post is on the blog under her pen name, and nothing public names her account."""

import io
import re
from html import unescape

import pytest
import requests
from authlib.integrations.requests_client import OAuth2Session
from django.test import Client
from PIL import Image

from chaikhana.blogs.models import Post
from chaikhana.indieauth.models import Grant

from .conftest import hidden_fields

pytestmark = pytest.mark.django_db(transaction=True)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, "JPEG")
    return out.getvalue()


def browser_session(live_server, user) -> requests.Session:
    """The writer's browser: signed in on the live server."""
    django_client = Client()
    django_client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", django_client.cookies["sessionid"].value)
    return session


def test_a_micropub_app_signs_in_as_the_blog_and_posts_a_photo(
    live_server, app, blog, user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    pen_name = blog.memberships.get(user=user).pen_name
    blog_url = f"{live_server.url}{blog.get_absolute_url()}"

    # Discovery (§4.1): the HTTP Link headers of the blog's page, then the metadata.
    page = requests.get(blog_url, timeout=10)
    metadata = requests.get(page.links["indieauth-metadata"]["url"], timeout=10).json()
    micropub = page.links["micropub"]["url"]
    metadata_url = page.links["indieauth-metadata"]["url"]
    assert f'<link rel="indieauth-metadata" href="{metadata_url}">' in page.text
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert page.links["authorization_endpoint"]["url"] == metadata["authorization_endpoint"]

    # Authorization request with PKCE S256, built by authlib.
    oauth = OAuth2Session(
        client_id=app.url("/"),
        redirect_uri=app.url("/callback"),
        scope="create media",
        code_challenge_method="S256",
        token_endpoint_auth_method="none",
    )
    verifier = "v" * 20 + "erifier-" + "x" * 30
    url, _state = oauth.create_authorization_url(
        metadata["authorization_endpoint"], code_verifier=verifier, me=blog_url
    )

    browser = browser_session(live_server, user)
    consent_page = browser.get(url, timeout=10)
    assert consent_page.status_code == 200
    assert "Quill (test)" in consent_page.text  # named from its h-app, fetched via safehttp
    assert "write new posts" in consent_page.text and "upload photos" in consent_page.text
    fields = {k: unescape(v) for k, v in hidden_fields(consent_page.text).items()}
    chosen = re.search(r'name="blog" value="(\d+)" checked', consent_page.text).group(1)
    assert chosen == str(blog.pk)  # the blog named by me= is chosen
    answer = browser.post(
        f"{live_server.url}/indieauth/consent",
        data={**fields, "decision": "allow", "blog": chosen, "grant": ["create", "media"]},
        headers={"Referer": url, "X-CSRFToken": browser.cookies.get("csrftoken", "")},
        allow_redirects=False,
        timeout=10,
    )
    callback = answer.headers["Location"]
    assert callback.startswith(app.url("/callback"))
    assert f"iss={requests.utils.quote(metadata['issuer'], safe='')}" in callback  # §5.2.1

    token = oauth.fetch_token(
        metadata["token_endpoint"], authorization_response=callback, code_verifier=verifier
    )
    assert token["me"] == blog_url  # the blog's address, never the person
    assert set(token["scope"].split()) == {"create", "media"}
    assert user.username not in str(token)
    assert oauth.token["access_token"].startswith("ia_")

    created = requests.post(
        micropub,
        headers={"Authorization": f"Bearer {token['access_token']}"},
        data={"h": "entry", "content": "Чай на Ошском базаре"},
        files={"photo": ("bazaar.jpg", jpeg(), "image/jpeg")},
        timeout=10,
    )
    assert created.status_code == 201, created.text
    post = Post.objects.get(blog=blog)
    assert created.headers["Location"] == f"{live_server.url}{post.get_absolute_url()}"
    public = requests.get(created.headers["Location"], timeout=10).text
    assert "Чай на Ошском базаре" in public and "<img" in public and pen_name in public
    assert user.username not in public
    grant = Grant.objects.get()
    assert grant.last_used_at is not None and len(grant.token_hash) == 64
    assert token["access_token"] not in str(list(Grant.objects.values()))
