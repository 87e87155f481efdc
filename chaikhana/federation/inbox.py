"""Checking an inbox POST before anything is read into the database.

In this order, each with its status: content type (415), size (413), a Signature at all
(401; RFC 9421 when ``Signature-Input`` comes with it, else draft-cavage), the sending server's
rate (429) and block (403), its Date, Digest and covered headers (401), a replay
of the same signature (401), the key, fetched through core.safehttp and cached, refetched
once when the cached one fails (key rotation) (401), the JSON (400), and the activity's
actor being the key's owner (401).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from django.core.cache import cache
from django.http import HttpRequest

from chaikhana.core import ratelimit
from chaikhana.federation import conf, remote, rfc9421, signatures
from chaikhana.federation.models import InstancePolicy, RemoteActor

ACCEPTED_TYPES = {"application/activity+json", "application/ld+json"}


class Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class Verified:
    actor: RemoteActor
    activity: dict[str, Any]


def _headers(request: HttpRequest) -> dict[str, str]:
    found = {name.lower(): value for name, value in request.headers.items()}
    found["host"] = request.get_host()
    return found


def _read_body(request: HttpRequest) -> bytes:
    limit = conf.max_inbox_bytes()
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        raise Refused(400, "bad Content-Length") from None
    if declared > limit:
        raise Refused(413, "too large")
    body = request.read(limit + 1)
    if len(body) > limit:
        raise Refused(413, "too large")
    return body


def _check_rate(key_id: str) -> None:
    host = (urlsplit(key_id).hostname or "?").lower()
    if ratelimit.hit("fed-inbox", host, window=60) > conf.inbox_rate_per_minute():
        raise Refused(429, f"too many activities from {host}")


def _key_owner(key_id: str, signed_with: Callable[[str], bool]) -> RemoteActor:
    """The remote actor whose key made the signature (refetched once: key rotation)."""
    for refresh in (False, True):
        try:
            actor = remote.actor_by_key(key_id, refresh=refresh)
        except remote.RemoteError as error:
            raise Refused(401, f"key unavailable: {error}") from error
        if signed_with(actor.public_pem):
            return actor
    raise Refused(401, "bad signature")


def _check_sender(key_id: str) -> None:
    _check_rate(key_id)
    if InstancePolicy.objects.mode_for(urlsplit(key_id).hostname or "") == "block":
        raise Refused(403, "this server is blocked by the network")


def _cavage(request: HttpRequest, body: bytes) -> tuple[RemoteActor, bytes]:
    """draft-cavage (Mastodon and most servers): the signer and the signature's bytes."""
    value = request.headers.get("Signature")
    if not value:
        raise Refused(401, "unsigned")
    try:
        header = signatures.parse(value)
    except signatures.SignatureError as error:
        raise Refused(401, str(error)) from error
    _check_sender(header.key_id)
    hdrs = _headers(request)
    method, path = request.method or "POST", request.get_full_path()
    try:
        signatures.check_request(
            header=header,
            method=method,
            path=path,
            headers=hdrs,
            body=body,
            now=datetime.now(UTC),
            window_seconds=conf.date_window_seconds(),
        )
    except signatures.SignatureError as error:
        raise Refused(401, str(error)) from error

    def signed_with(pem: str) -> bool:
        return signatures.verify(
            header=header, public_pem=pem, method=method, path=path, headers=hdrs
        )

    return _key_owner(header.key_id, signed_with), header.signature


def _rfc9421(request: HttpRequest, body: bytes) -> tuple[RemoteActor, bytes]:
    """RFC 9421 (Fedify tries it first): the signer and the signature's bytes."""
    try:
        sig = rfc9421.parse(
            request.headers.get("Signature-Input", ""), request.headers.get("Signature", "")
        )
    except (signatures.SignatureError, ValueError) as error:
        raise Refused(401, str(error) or "unreadable signature") from error
    _check_sender(sig.key_id)
    hdrs = _headers(request)
    try:
        rfc9421.check_request(
            sig, headers=hdrs, body=body, now=datetime.now(UTC), window=conf.date_window_seconds()
        )
        base = rfc9421.signature_base(
            sig,
            method=request.method or "POST",
            uri=request.build_absolute_uri(request.get_full_path()),
            headers=hdrs,
        )
    except signatures.SignatureError as error:
        raise Refused(401, str(error)) from error
    return _key_owner(sig.key_id, lambda pem: rfc9421.verify(sig, public_pem=pem, base=base)), (
        sig.signature
    )


def _signer(request: HttpRequest, body: bytes) -> RemoteActor:
    """Whoever signed the request, by either standard; a signature is good for one request."""
    if "Signature-Input" in request.headers:
        actor, signature = _rfc9421(request, body)
    else:
        actor, signature = _cavage(request, body)
    # A signature is good for one delivery: the same one again is a replay.
    seen = "fed-sig:" + hashlib.sha256(signature).hexdigest()
    if not cache.add(seen, 1, conf.date_window_seconds() * 2):
        raise Refused(401, "replayed")
    return actor


def verify_post(request: HttpRequest) -> Verified:
    """The signed activity of an inbox POST, or Refused with the status to answer."""
    content_type = (request.content_type or "").lower()
    if content_type not in ACCEPTED_TYPES:
        raise Refused(415, "not an ActivityStreams document")
    body = _read_body(request)
    actor = _signer(request, body)
    try:
        activity = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise Refused(400, "malformed JSON") from error
    if not isinstance(activity, dict) or not isinstance(activity.get("type"), str):
        raise Refused(400, "not an activity")
    claimed = activity.get("actor")
    if isinstance(claimed, dict):
        claimed = claimed.get("id")
    if claimed != actor.uri:
        raise Refused(401, "the activity's actor did not sign it")
    return Verified(actor=actor, activity=activity)


def verify_get(request: HttpRequest) -> RemoteActor:
    """The remote actor that signed this GET ("authorized fetch"), or Refused (401/403/429)."""
    if "Signature-Input" in request.headers:
        return _rfc9421(request, b"")[0]
    return _cavage(request, b"")[0]
