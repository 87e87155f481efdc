"""RFC 9421 HTTP Message Signatures, verifying the subset fediverse servers send; pure functions.

Fedify (Ghost's social web, Hollo, …) tries RFC 9421 first: ``rsa-v1_5-sha256`` over
``("@method" "@target-uri" "@authority" "host" "date" "content-digest")``. We verify that,
``rsa-pss-sha512`` and ``ed25519`` (§3.3), and require what draft-cavage requires of a sender:
the method, the target, the authority, a ``created`` or ``date`` inside our window, and with a
body a ``Content-Digest`` (RFC 9530) that matches it. We still sign with draft-cavage, which
every server reads (signatures.py). Components with parameters (``;sf``, ``;req``) are refused.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from chaikhana.federation.signatures import SignatureError

_KEY = r"[a-z*][a-z0-9_.*-]*"
_PARAM = rf';({_KEY})=("(?:[^"\\]|\\.)*"|[^;,\s]+)'
# RFC 8941 §3.2 dictionary members whose value is an inner list with parameters (§2.3)
_INPUT = re.compile(rf"({_KEY})=(\(([^()]*)\)((?:{_PARAM})*))")
_SIGNATURE = re.compile(rf"({_KEY})=:([A-Za-z0-9+/=]*):")
_DIGESTS = {"sha-256": hashlib.sha256, "sha-512": hashlib.sha512}


@dataclass(frozen=True)
class MessageSignature:
    components: tuple[str, ...]
    params: str  # the inner list as sent: the "@signature-params" line signs it verbatim
    key_id: str
    alg: str | None
    created: int | None
    signature: bytes


def parse(signature_input: str, signature: str) -> MessageSignature:
    """The first signature named in both headers (a server sends one)."""
    values = {label: value for label, value in _SIGNATURE.findall(signature)}
    for label, params, inner, rest, *_ in _INPUT.findall(signature_input):
        if label not in values:
            continue
        found = dict(re.findall(_PARAM, rest))
        components = tuple(re.findall(r'"([^"]*)"', inner))
        if ";" in inner or not components or "keyid" not in found:
            raise SignatureError("unsupported Signature-Input")
        created = found.get("created")
        return MessageSignature(
            components=components,
            params=params,
            key_id=found["keyid"].strip('"'),
            alg=found["alg"].strip('"') if "alg" in found else None,
            created=int(created) if created and created.isdigit() else None,
            signature=base64.b64decode(values[label]),
        )
    raise SignatureError("no signature named in Signature-Input")


def _component(name: str, *, method: str, uri: str, headers: Mapping[str, str]) -> str:
    parts = urlsplit(uri)
    derived = {
        "@method": method.upper(),
        "@target-uri": uri,
        "@authority": parts.netloc.lower(),
        "@scheme": parts.scheme,
        "@path": parts.path or "/",
        "@query": f"?{parts.query}",
        "@request-target": (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
    }
    if name in derived:
        return derived[name]
    if name.startswith("@") or name not in headers:
        raise SignatureError(f"cannot sign {name}")
    return headers[name].strip()


def signature_base(
    sig: MessageSignature, *, method: str, uri: str, headers: Mapping[str, str]
) -> bytes:
    """§2.5: one line per component, then the signature's own parameters."""
    lines = [
        f'"{name}": {_component(name, method=method, uri=uri, headers=headers)}'
        for name in sig.components
    ]
    lines.append(f'"@signature-params": {sig.params}')
    return "\n".join(lines).encode()


def check_request(
    sig: MessageSignature, *, headers: Mapping[str, str], body: bytes, now: datetime, window: int
) -> None:
    """Everything but the signature itself: coverage, Content-Digest, freshness."""
    covered = set(sig.components)
    needs = [("@method",), ("@target-uri", "@request-target", "@path"), ("@authority", "host")]
    if body:
        needs.append(("content-digest",))
    for choices in needs:
        if not covered & set(choices):
            raise SignatureError(f"the signature does not cover {choices[0]}")
    if body and not _digest_matches(headers.get("content-digest", ""), body):
        raise SignatureError("Content-Digest does not match the body")
    if sig.created is not None:
        sent = sig.created
    elif "date" in covered:
        try:
            sent = int(parsedate_to_datetime(headers["date"]).timestamp())
        except (KeyError, TypeError, ValueError) as error:
            raise SignatureError("unreadable Date") from error
    else:
        raise SignatureError("neither created nor Date signed")
    if abs(now.timestamp() - sent) > window:
        raise SignatureError("signed outside the accepted window")


def _digest_matches(value: str, body: bytes) -> bool:
    """RFC 9530: every digest we know must match, and there must be one."""
    given = {
        algorithm.lower(): digest
        for algorithm, digest in re.findall(r"([A-Za-z0-9-]+)=:([A-Za-z0-9+/=]*):", value)
        if algorithm.lower() in _DIGESTS
    }
    return bool(given) and all(
        digest == base64.b64encode(_DIGESTS[algorithm](body).digest()).decode()
        for algorithm, digest in given.items()
    )


def verify(sig: MessageSignature, *, public_pem: str, base: bytes) -> bool:
    try:
        key = serialization.load_pem_public_key(public_pem.encode())
    except ValueError:
        return False
    try:
        if isinstance(key, rsa.RSAPublicKey) and sig.alg in (None, "rsa-v1_5-sha256"):
            key.verify(sig.signature, base, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, rsa.RSAPublicKey) and sig.alg == "rsa-pss-sha512":
            pss = padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=64)
            key.verify(sig.signature, base, pss, hashes.SHA512())
        elif isinstance(key, ed25519.Ed25519PublicKey) and sig.alg in (None, "ed25519"):
            key.verify(sig.signature, base)
        else:
            return False
    except InvalidSignature:
        return False
    return True
