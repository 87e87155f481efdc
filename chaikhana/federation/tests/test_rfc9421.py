"""RFC 9421 signatures on our inboxes, made by an independent implementation: Fedify's signer
(tests/federation/sign9421.mjs). Needs Node and `npm ci` in tests/federation (skipped without).
"""

from __future__ import annotations

import json
import shutil
import subprocess  # nosec B404: runs our own signing script with fixed arguments
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from chaikhana.federation.models import Reaction

PEER_DIR = Path(__file__).resolve().parents[3] / "tests" / "federation"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("node") is None or not (PEER_DIR / "node_modules" / "@fedify").exists(),
        reason="Fedify's signer needs Node and `npm ci` in tests/federation",
    ),
]


def fedify_sign(peer, *bodies: bytes, key_pem: str | None = None) -> list[dict[str, str]]:
    """Headers Fedify adds to a POST of each body to our shared inbox, as *peer*."""
    requests = [
        {
            "url": "http://testserver/ap/inbox",
            "body": body.decode(),
            "privateKeyPem": key_pem or peer.private_pem,
            "keyId": peer.key_id,
        }
        for body in bodies
    ]
    done = subprocess.run(  # nosec B603 B607: our own script, fixed arguments
        ["node", "sign9421.mjs"],
        cwd=PEER_DIR,
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def post_of(client, body: bytes, headers: dict[str, Any]):
    sent = {k: v for k, v in headers.items() if k not in ("host", "content-type")}
    return client.post(
        "/ap/inbox", data=body, content_type="application/activity+json", headers=sent
    )


def like(peer, post, suffix: str) -> bytes:
    return json.dumps(
        peer.activity("Like", f"http://testserver/ap/posts/{post.pk}", suffix)
    ).encode()


def another_key() -> str:
    """A key that is not the peer's (the test pool would hand back the same one)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return pem.decode()


class Rfc9421InboxTests:
    def test_a_like_signed_by_fedify_is_counted_when_no_cavage_signature_comes_with_it(
        self, client, peer, post
    ):
        body = like(peer, post, "9421")
        [headers] = fedify_sign(peer, body)
        assert "signature-input" in headers
        assert post_of(client, body, headers).status_code == 202
        assert Reaction.objects.filter(post=post, kind="like").count() == 1
        assert post_of(client, body, headers).status_code == 401  # the same signature: a replay

    def test_a_changed_body_or_another_key_is_refused_when_signed_by_fedify(
        self, client, peer, post
    ):
        body, other = like(peer, post, "a"), like(peer, post, "b")
        [signed_a] = fedify_sign(peer, body)
        [wrong_key] = fedify_sign(peer, other, key_pem=another_key())
        assert post_of(client, other, signed_a).status_code == 401  # Content-Digest differs
        assert post_of(client, other, wrong_key).status_code == 401
        assert not Reaction.objects.exists()
