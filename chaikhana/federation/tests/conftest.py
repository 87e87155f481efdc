"""A remote fediverse server on loopback (a real HTTP server, its own key) and helpers to
sign what it sends to our inboxes as Mastodon does."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pytest

from chaikhana.core.testing.factories import PostFactory
from chaikhana.core.testing.localserver import LocalServer
from chaikhana.federation import keys, signatures

AP = "application/activity+json"


@lru_cache(maxsize=2)
def remote_keys(which: int = 0) -> tuple[str, str]:
    """The peer's key pairs, one per run (the pool above is our actors')."""
    return keys.new_pem_pair()


@dataclass
class Peer:
    server: LocalServer
    name: str = "alice"
    actor_path: str = ""  # Mastodon's /users/<name> unless a fixture's server says otherwise
    private_pem: str = field(default_factory=lambda: remote_keys()[0])
    public_pem: str = field(default_factory=lambda: remote_keys()[1])

    @property
    def actor(self) -> str:
        return self.server.url(self.actor_path or f"/users/{self.name}")

    @property
    def inbox_path(self) -> str:
        return f"/users/{self.name}/inbox"

    @property
    def key_id(self) -> str:
        return f"{self.actor}#main-key"

    def actor_json(self) -> dict[str, Any]:
        return {
            "@context": ["https://www.w3.org/ns/activitystreams"],
            "id": self.actor,
            "type": "Person",
            "preferredUsername": self.name,
            "name": f"{self.name.title()} Remote",
            "inbox": self.server.url(self.inbox_path),
            "endpoints": {"sharedInbox": self.server.url("/inbox")},
            "url": self.server.url(f"/@{self.name}"),
            "publicKey": {"id": self.key_id, "owner": self.actor, "publicKeyPem": self.public_pem},
        }

    def publish(self) -> None:
        path = (self.actor_path or f"/users/{self.name}").split("?")[0]
        self.server.route(path, headers=[("Content-Type", AP)], body=json.dumps(self.actor_json()))
        self.server.route("/inbox", status=202)
        self.server.route(self.inbox_path, status=202)

    def signed_headers(self, path: str, body: bytes, **overrides: str) -> dict[str, str]:
        headers = signatures.sign(
            private_pem=self.private_pem,
            key_id=self.key_id,
            method="POST",
            url_host="testserver",
            path=path,
            body=body,
        )
        headers.pop("Host")
        headers.update(overrides)
        return headers

    def post(self, client, activity: dict[str, Any] | bytes, path: str = "/ap/inbox", **overrides):
        body = activity if isinstance(activity, bytes) else json.dumps(activity).encode()
        return client.post(
            path, data=body, content_type=AP, headers=self.signed_headers(path, body, **overrides)
        )

    def get(self, client, path: str, **headers: str):
        """A GET signed as this peer's actor (what Mastodon sends in secure mode)."""
        signed = signatures.sign(
            private_pem=self.private_pem,
            key_id=self.key_id,
            method="GET",
            url_host="testserver",
            path=path,
            body=None,
        )
        signed.pop("Host")
        return client.get(path, headers={**signed, **headers})

    def activity(self, kind: str, obj: Any, suffix: str = "1") -> dict[str, Any]:
        return {
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": self.server.url(f"/activities/{kind.lower()}-{suffix}"),
            "type": kind,
            "actor": self.actor,
            "object": obj,
        }

    def delivered(self) -> list[dict[str, Any]]:
        return [json.loads(r.body) for r in self.server.requests if r.method == "POST"]


@lru_cache(maxsize=1)
def _key_pool() -> tuple[tuple[str, str], ...]:
    return tuple(keys.new_pem_pair() for _ in range(5))


@pytest.fixture(autouse=True)
def _quick_keys(monkeypatch):
    """Our actors take their 2048-bit pairs from a pool made once per run: generating one
    costs ~0.1 s, and every test needs two or three. Distinct in any one test (five)."""
    pool = iter(_key_pool())
    monkeypatch.setattr(keys, "new_pem_pair", lambda: next(pool))


@pytest.fixture
def loopback(settings):
    settings.SAFEHTTP_ALLOW_LOOPBACK = True
    settings.SITE_URL = "http://testserver"
    settings.FEDERATION_UPDATE_DELAY_SECONDS = 0


@pytest.fixture
def peer(loopback):
    with LocalServer() as server:
        p = Peer(server)
        p.publish()
        yield p


@pytest.fixture
def post(blog):
    return PostFactory(blog=blog, slug="teahouse-news", title="News from the teahouse")


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)
