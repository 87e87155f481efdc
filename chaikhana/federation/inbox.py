"""Checking an inbox POST before anything is read into the database.

In this order, each with its status: content type (415), size (413), the sending server's
rate (429), a Signature at all (401), its Date, Digest and covered headers (401), a replay
of the same signature (401), the key, fetched through core.safehttp and cached, refetched
once when the cached one fails (key rotation) (401), the JSON (400), and the activity's
actor being the key's owner (401).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from django.core.cache import cache
from django.http import HttpRequest

from chaikhana.core import ratelimit
from chaikhana.federation import conf, remote, signatures
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


def _key_owner(
    header: signatures.SignatureHeader, request: HttpRequest, hdrs: dict[str, str]
) -> RemoteActor:
    path = request.get_full_path()
    for refresh in (False, True):
        try:
            actor = remote.actor_by_key(header.key_id, refresh=refresh)
        except remote.RemoteError as error:
            raise Refused(401, f"key unavailable: {error}") from error
        if signatures.verify(
            header=header,
            public_pem=actor.public_pem,
            method=request.method or "POST",
            path=path,
            headers=hdrs,
        ):
            return actor
    raise Refused(401, "bad signature")


def verify_post(request: HttpRequest) -> Verified:
    """The signed activity of an inbox POST, or Refused with the status to answer."""
    content_type = (request.content_type or "").lower()
    if content_type not in ACCEPTED_TYPES:
        raise Refused(415, "not an ActivityStreams document")
    body = _read_body(request)
    value = request.headers.get("Signature")
    if not value:
        raise Refused(401, "unsigned")
    try:
        header = signatures.parse(value)
    except signatures.SignatureError as error:
        raise Refused(401, str(error)) from error
    _check_rate(header.key_id)
    if InstancePolicy.objects.mode_for(urlsplit(header.key_id).hostname or "") == "block":
        raise Refused(403, "this server is blocked by the network")
    hdrs = _headers(request)
    try:
        signatures.check_request(
            header=header,
            method=request.method or "POST",
            path=request.get_full_path(),
            headers=hdrs,
            body=body,
            now=datetime.now(UTC),
            window_seconds=conf.date_window_seconds(),
        )
    except signatures.SignatureError as error:
        raise Refused(401, str(error)) from error
    actor = _key_owner(header, request, hdrs)
    # A signature is good for one delivery: the same one again is a replay.
    seen = "fed-sig:" + hashlib.sha256(header.signature).hexdigest()
    if not cache.add(seen, 1, conf.date_window_seconds() * 2):
        raise Refused(401, "replayed")
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
    value = request.headers.get("Signature")
    if not value:
        raise Refused(401, "unsigned")
    try:
        header = signatures.parse(value)
    except signatures.SignatureError as error:
        raise Refused(401, str(error)) from error
    _check_rate(header.key_id)
    if InstancePolicy.objects.mode_for(urlsplit(header.key_id).hostname or "") == "block":
        raise Refused(403, "this server is blocked by the network")
    hdrs = _headers(request)
    try:
        signatures.check_request(
            header=header,
            method="GET",
            path=request.get_full_path(),
            headers=hdrs,
            body=b"",
            now=datetime.now(UTC),
            window_seconds=conf.date_window_seconds(),
        )
    except signatures.SignatureError as error:
        raise Refused(401, str(error)) from error
    return _key_owner(header, request, hdrs)
