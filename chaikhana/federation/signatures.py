"""HTTP Signatures as Mastodon sends and checks them (draft-cavage-http-signatures-12,
``rsa-sha256``, with a ``Digest: SHA-256=`` header over the body), pure functions only.

Signing covers ``(request-target) host date`` (+ ``digest`` with a body); a verified
request must have signed at least those, and ``digest`` whenever it has a body
(Mastodon's own rule, app/controllers/concerns/signature_verification.rb).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

_PARAM = re.compile(r'(\w+)="([^"]*)"')
REQUIRED = ("(request-target)", "host", "date")


class SignatureError(Exception):
    """The request is not signed as we require (the message says why, for the log)."""


@dataclass(frozen=True)
class SignatureHeader:
    key_id: str
    algorithm: str
    headers: tuple[str, ...]
    signature: bytes


def digest_header(body: bytes) -> str:
    return "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()


def http_date(moment: datetime | None = None) -> str:
    return format_datetime((moment or datetime.now(UTC)).astimezone(UTC), usegmt=True)


def _signing_string(
    names: tuple[str, ...], method: str, path: str, headers: Mapping[str, str]
) -> bytes:
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append(f"(request-target): {method.lower()} {path}")
        else:
            lines.append(f"{name}: {headers[name]}")
    return "\n".join(lines).encode()


def sign(
    *,
    private_pem: str,
    key_id: str,
    method: str,
    url_host: str,
    path: str,
    body: bytes | None,
    now: datetime | None = None,
) -> dict[str, str]:
    """The headers to send: Host, Date (*now*, else the clock), (Digest,) Signature."""
    headers = {"host": url_host, "date": http_date(now)}
    names: tuple[str, ...] = REQUIRED
    if body is not None:
        headers["digest"] = digest_header(body)
        names = (*REQUIRED, "digest")
    signed = _private_key(private_pem).sign(
        _signing_string(names, method, path, headers), padding.PKCS1v15(), hashes.SHA256()
    )
    headers["signature"] = (
        f'keyId="{key_id}",algorithm="rsa-sha256",headers="{" ".join(names)}",'
        f'signature="{base64.b64encode(signed).decode()}"'
    )
    return {name.title(): value for name, value in headers.items()}


@functools.lru_cache(maxsize=256)
def _private_key(private_pem: str) -> rsa.RSAPrivateKey:
    """Loaded once per process: loading checks the RSA key, which costs ~70 ms, the signing 1."""
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)  # nosec B101
    return key


def parse(value: str) -> SignatureHeader:
    params = dict(_PARAM.findall(value))
    try:
        signature = base64.b64decode(params["signature"], validate=True)
        key_id = params["keyId"]
    except (KeyError, ValueError) as error:
        raise SignatureError("Signature header without keyId or a base64 signature") from error
    algorithm = params.get("algorithm", "hs2019")
    if algorithm not in ("rsa-sha256", "hs2019"):
        raise SignatureError(f"unsupported algorithm {algorithm}")
    names = tuple(params.get("headers", "date").lower().split())
    return SignatureHeader(key_id, algorithm, names, signature)


def check_request(
    *,
    header: SignatureHeader,
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    now: datetime,
    window_seconds: int,
) -> None:
    """Everything but the signature itself: covered headers, Digest, Date within the window."""
    needed = (*REQUIRED, "digest") if body else REQUIRED
    missing = [name for name in needed if name not in header.headers]
    if missing:
        raise SignatureError(f"the signature does not cover {', '.join(missing)}")
    for name in header.headers:
        if name != "(request-target)" and name not in headers:
            raise SignatureError(f"signed header {name} is absent")
    if body:
        given = dict(part.split("=", 1) for part in headers["digest"].split(",") if "=" in part)
        expected = digest_header(body).split("=", 1)[1]
        if given.get("SHA-256", given.get("sha-256")) != expected:
            raise SignatureError("Digest does not match the body")
    try:
        sent = parsedate_to_datetime(headers["date"])
    except (TypeError, ValueError) as error:
        raise SignatureError("unreadable Date") from error
    if sent.tzinfo is None or abs((now - sent).total_seconds()) > window_seconds:
        raise SignatureError("Date outside the accepted window")


def verify(
    *, header: SignatureHeader, public_pem: str, method: str, path: str, headers: Mapping[str, str]
) -> bool:
    try:
        key = serialization.load_pem_public_key(public_pem.encode())
    except ValueError:
        return False
    if not isinstance(key, rsa.RSAPublicKey):
        return False
    try:
        key.verify(
            header.signature,
            _signing_string(header.headers, method, path, headers),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except InvalidSignature:
        return False
    return True
