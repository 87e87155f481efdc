"""Ed25519 signatures in minisign's format, so anyone can check a mirror with ``minisign -V``.

Formats (https://jedisct1.github.io/minisign/, "Signature format"): a public key is
``"Ed" || key_id[8] || pk[32]`` in base64; a signature file holds an untrusted comment,
``"ED" || key_id || sig`` where sig signs the BLAKE2b-512 of the file (the pre-hashed mode
minisign ≥ 0.8 writes by default), a trusted comment, and a global signature over
``sig || trusted comment``. Our secret (MIRROR_SIGNING_KEY) is ``key_id || seed[32]`` in base64:
it lives in the environment, not in minisign's scrypt-encrypted file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.utils.translation import gettext as _

PREHASHED = b"ED"
PUBLIC = b"Ed"


class SigningError(Exception):
    """A key missing or malformed, a signature that does not verify: the message says which."""


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    private: Ed25519PrivateKey

    def public_key(self) -> PublicKey:
        return PublicKey(self.key_id, self.private.public_key())


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    public: Ed25519PublicKey

    @property
    def hex_id(self) -> str:
        # minisign prints the id as a little-endian 64-bit number.
        return self.key_id[::-1].hex().upper()

    def to_line(self) -> str:
        raw = self.public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(PUBLIC + self.key_id + raw).decode()

    def to_file(self) -> str:
        return f"untrusted comment: minisign public key {self.hex_id}\n{self.to_line()}\n"


def generate() -> tuple[str, SecretKey]:
    """A new key: (the secret for MIRROR_SIGNING_KEY, the key)."""
    secret = base64.b64encode(secrets.token_bytes(40)).decode()
    return secret, load_secret(secret)


def load_secret(text: str) -> SecretKey:
    if not text.strip():
        raise SigningError(
            _("No signing key: set MIRROR_SIGNING_KEY (make one with manage.py mirror_keygen).")
        )
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SigningError(_("MIRROR_SIGNING_KEY is not valid base64.")) from exc
    if len(raw) != 40:
        raise SigningError(_("MIRROR_SIGNING_KEY has the wrong length: make a new one."))
    return SecretKey(raw[:8], Ed25519PrivateKey.from_private_bytes(raw[8:]))


def load_public(text: str) -> PublicKey:
    """A public key: minisign's file, or its base64 line alone."""
    lines = [line for line in text.strip().splitlines() if not line.startswith("untrusted")]
    try:
        raw = base64.b64decode(lines[-1].strip(), validate=True) if lines else b""
    except (binascii.Error, ValueError) as exc:
        raise SigningError(_("The public key is not valid base64.")) from exc
    if len(raw) != 42 or raw[:2] != PUBLIC:
        raise SigningError(_("This is not a minisign Ed25519 public key."))
    return PublicKey(raw[2:10], Ed25519PublicKey.from_public_bytes(raw[10:]))


def sign(key: SecretKey, data: bytes, *, trusted_comment: str) -> str:
    """The text of a ``.minisig`` file for *data*."""
    if "\n" in trusted_comment:
        raise SigningError(_("A trusted comment is one line."))
    signature = key.private.sign(hashlib.blake2b(data, digest_size=64).digest())
    global_sig = key.private.sign(signature + trusted_comment.encode())
    return (
        f"untrusted comment: signature from chaikhana mirror key {key.public_key().hex_id}\n"
        f"{base64.b64encode(PREHASHED + key.key_id + signature).decode()}\n"
        f"trusted comment: {trusted_comment}\n"
        f"{base64.b64encode(global_sig).decode()}\n"
    )


def verify(public: PublicKey, data: bytes, minisig: str) -> str:
    """The trusted comment when *minisig* is *public*'s signature of *data*; else SigningError."""
    lines = minisig.splitlines()
    if len(lines) < 4 or not lines[2].startswith("trusted comment: "):
        raise SigningError(_("The signature file is truncated or malformed."))
    try:
        blob, global_sig = base64.b64decode(lines[1]), base64.b64decode(lines[3])
    except (binascii.Error, ValueError) as exc:
        raise SigningError(_("The signature file is truncated or malformed.")) from exc
    if len(blob) != 74 or blob[:2] not in (PREHASHED, PUBLIC):
        raise SigningError(_("The signature file is truncated or malformed."))
    if blob[2:10] != public.key_id:
        raise SigningError(_("The files were signed with another key."))
    signed = hashlib.blake2b(data, digest_size=64).digest() if blob[:2] == PREHASHED else data
    comment = lines[2].removeprefix("trusted comment: ")
    try:
        public.public.verify(blob[10:], signed)
        public.public.verify(global_sig, blob[10:] + comment.encode())
    except InvalidSignature as exc:
        raise SigningError(_("The signature does not match: the files were changed.")) from exc
    return comment
