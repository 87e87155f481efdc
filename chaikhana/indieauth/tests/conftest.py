"""An app on a loopback port (its client_id page names it), and PKCE helpers."""

import base64
import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlsplit

import pytest

from chaikhana.core.testing.localserver import LocalServer

APP_PAGE = """<!doctype html><title>Quill (test)</title>
<div class="h-app"><a class="u-url p-name" href="/">Quill (test)</a></div>"""


@pytest.fixture
def app(settings):
    """A Micropub app's own site: client_id is its home page, an h-app names it."""
    settings.SAFEHTTP_ALLOW_LOOPBACK = True
    with LocalServer() as server:
        server.html("/", APP_PAGE)
        server.html("/callback", "<p>signed in</p>")
        yield server


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    return verifier, challenge.rstrip(b"=").decode()


def auth_params(app, challenge, **extra):
    params = {
        "response_type": "code",
        "client_id": app.url("/"),
        "redirect_uri": app.url("/callback"),
        "state": "st4te",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "scope": "create media",
    }
    params.update(extra)
    return params


def consent(client, params, blog, grant=("create", "media")):
    """The signed-in writer allows: the redirect's query (code, state, iss)."""
    response = client.post(
        "/indieauth/consent", {**params, "decision": "allow", "blog": blog.pk, "grant": list(grant)}
    )
    assert response.status_code == 302, response.content
    query = parse_qs(urlsplit(response["Location"]).query)
    return {k: v[0] for k, v in query.items()}


def exchange(client, app, code, verifier):
    return client.post(
        "/indieauth/token",
        {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": app.url("/"),
            "redirect_uri": app.url("/callback"),
            "code_verifier": verifier,
        },
    )


def hidden_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
