"""Who is asking: an app is known by its client_id, a URL (IndieAuth §4.2, §4.2.2).

The consent screen names the app from its client_id page, fetched only through
core.safehttp with a short deadline: the JSON client metadata document the current spec
describes, else the h-app of an HTML page (mf2) and its rel="redirect_uri" links. When the
page cannot be fetched or says nothing, the app is named by its address.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import mf2py
from django.core.cache import cache

from chaikhana.core import safehttp
from chaikhana.indieauth import conf
from chaikhana.indieauth.models import digest

MAX_BYTES = 256 * 1024
CACHE_SECONDS = 300


@dataclass(frozen=True)
class ClientInfo:
    client_id: str
    name: str
    url: str
    redirect_uris: tuple[str, ...] = field(default=())


def valid_client_id(value: str) -> bool:
    """§3.2: http(s), a path, no fragment, no user or password, no dot segments; a host name
    (an IP address only for loopback)."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname or not parts.path:
        return False
    if parts.fragment or parts.username or parts.password:
        return False
    if any(segment in (".", "..") for segment in parts.path.split("/")):
        return False
    try:
        address = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return True
    return address.is_loopback


def same_origin(a: str, b: str) -> bool:
    """Scheme, host and port alike (§4.2.2: then the redirect URI needs no check)."""
    x, y = urlsplit(a), urlsplit(b)
    return (x.scheme, x.hostname, x.port) == (y.scheme, y.hostname, y.port)


def _fallback(client_id: str) -> ClientInfo:
    return ClientInfo(
        client_id=client_id, name=urlsplit(client_id).hostname or client_id, url=client_id
    )


def _from_json(client_id: str, body: bytes) -> ClientInfo | None:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or data.get("client_id") != client_id:
        return None  # §4.2.1: a document naming another client_id is ignored
    uris = data.get("redirect_uris")
    return ClientInfo(
        client_id=client_id,
        name=str(data.get("client_name") or "").strip()[:200] or _fallback(client_id).name,
        url=str(data.get("client_uri") or client_id),
        redirect_uris=tuple(u for u in uris if isinstance(u, str))
        if isinstance(uris, list)
        else (),
    )


def _from_html(client_id: str, response: safehttp.SafeResponse) -> ClientInfo:
    parsed = mf2py.parse(doc=response.text, url=response.url, metaformats=False)
    uris = list(parsed.get("rels", {}).get("redirect_uri", []))
    for value in response.header_values("Link"):
        for part in value.split(","):
            if 'rel="redirect_uri"' in part or "rel=redirect_uri" in part:
                uris.append(part.split(";")[0].strip().strip("<>"))
    name = ""
    for item in parsed.get("items", []):
        if {"h-app", "h-x-app"} & set(item.get("type", [])):
            names = item.get("properties", {}).get("name", [])
            name = str(names[0]).strip()[:200] if names and isinstance(names[0], str) else ""
            break
    fallback = _fallback(client_id)
    return ClientInfo(client_id, name or fallback.name, client_id, tuple(uris))


def client_info(client_id: str) -> ClientInfo:
    """The app behind *client_id*, fetched once per few minutes; its address when unknown."""
    key = f"indieauth:client:{digest(client_id)}"
    cached = cache.get(key)
    if isinstance(cached, ClientInfo):
        return cached
    try:
        response = safehttp.fetch(
            client_id,
            headers={"Accept": "application/json, text/html;q=0.9"},
            max_bytes=MAX_BYTES,
            timeout=conf.client_fetch_seconds(),
        )
    except safehttp.SafeHTTPError:
        return _fallback(client_id)  # not cached: the app's page may be back in a minute
    info: ClientInfo | None = None
    if response.status == 200:
        if response.content_type == "application/json":
            info = _from_json(client_id, response.body)
        elif response.content_type == "text/html":
            info = _from_html(client_id, response)
    info = info or _fallback(client_id)
    cache.set(key, info, CACHE_SECONDS)
    return info
