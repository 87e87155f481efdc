"""Reading other servers: actors and their keys, fetched through core.safehttp and cached.

Our GETs are signed by the instance actor, so servers that require signed fetches
("authorized fetch", Mastodon's secure mode) answer us too.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone

from chaikhana.core import safehttp
from chaikhana.federation import conf, keys, signatures
from chaikhana.federation.actors import site_actor_id
from chaikhana.federation.models import RemoteActor

ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
JSON_TYPES = {"application/activity+json", "application/ld+json", "application/json"}
MAX_ACTOR_BYTES = 256 * 1024


class RemoteError(Exception):
    """The remote document could not be had, or is not what it says it is."""


def fetch_json(url: str) -> dict[str, Any]:
    """A remote ActivityStreams document, fetched with a signed GET."""
    parts = urlsplit(url)
    key = keys.key_for(keys.SITE)
    headers = signatures.sign(
        private_pem=key.private_pem,
        key_id=f"{site_actor_id()}#main-key",
        method="GET",
        url_host=parts.netloc,
        path=(parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
        body=None,
    )
    headers["Accept"] = ACCEPT
    try:
        response = safehttp.fetch(url, headers=headers, max_bytes=MAX_ACTOR_BYTES, max_redirects=0)
    except safehttp.SafeHTTPError as error:
        raise RemoteError(str(error)) from error
    if response.status != 200 or response.content_type not in JSON_TYPES:
        raise RemoteError(f"{url} answered {response.status} {response.content_type}")
    try:
        data = json.loads(response.body)
    except ValueError as error:
        raise RemoteError(f"{url} is not JSON") from error
    if not isinstance(data, dict) or data.get("id") not in (url, url.split("#")[0]):
        raise RemoteError(f"{url} describes another id")
    return data


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def url_of(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("href")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), "")
    return value if isinstance(value, str) and value.startswith(("https://", "http://")) else ""


def store_actor(data: dict[str, Any]) -> RemoteActor:
    """Store (or refresh) an actor document; RemoteError when it lacks what we need."""
    uri, key = data.get("id"), data.get("publicKey")
    if isinstance(key, list):
        key = key[0] if key else None
    inbox = url_of(data.get("inbox"))
    if not isinstance(uri, str) or not isinstance(key, dict) or not inbox:
        raise RemoteError("an actor needs an id, an inbox and a public key")
    host = urlsplit(uri).hostname or ""
    if urlsplit(inbox).hostname != host or key.get("owner") not in (uri, None):
        raise RemoteError("the actor's inbox or key belongs to another host or actor")
    endpoints = data.get("endpoints") if isinstance(data.get("endpoints"), dict) else {}
    shared = url_of(endpoints.get("sharedInbox")) if endpoints else ""
    username = _text(data.get("preferredUsername"), 100)
    actor, _ = RemoteActor.objects.update_or_create(
        uri=uri,
        defaults={
            "host": host,
            "inbox": inbox,
            "shared_inbox": shared if urlsplit(shared).hostname == host else "",
            "name": _text(data.get("name"), 200) or username,
            "handle": f"{username}@{host}" if username else "",
            "url": url_of(data.get("url"))[:500],
            "key_id": _text(key.get("id"), 500),
            "public_pem": _text(key.get("publicKeyPem"), 10_000),
            "fetched_at": timezone.now(),
        },
    )
    return actor


def actor_by_key(key_id: str, *, refresh: bool = False) -> RemoteActor:
    """The actor that owns *key_id*, from our cache while fresh, else from its server."""
    if not refresh:
        fresh_since = timezone.now() - timedelta(seconds=conf.key_cache_seconds())
        found = RemoteActor.objects.filter(key_id=key_id, fetched_at__gte=fresh_since).first()
        if found is not None:
            return found
    data = fetch_json(key_id.split("#")[0])
    if data.get("type") in ("Key", "CryptographicKey") and isinstance(data.get("owner"), str):
        data = fetch_json(data["owner"])  # GoToSocial-style keys with their own address
    actor = store_actor(data)
    if actor.key_id != key_id:
        raise RemoteError("the key is not the actor's")
    return actor
