"""Our actors' RSA key pairs: made on first need, one per actor, never shared between actors."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import IntegrityError, transaction

from chaikhana.federation.models import ActorKey

SITE = "site"


def blog_actor(blog_id: int) -> str:
    return f"blog:{blog_id}"


def section_actor(section_id: int) -> str:
    return f"section:{section_id}"


def new_pem_pair() -> tuple[str, str]:
    """(private PKCS#8 PEM, public SubjectPublicKeyInfo PEM): the forms Mastodon reads."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private.decode(), public.decode()


def key_for(actor: str, *, name: str = "") -> ActorKey:
    """The actor's key pair, made and stored the first time it is asked for.

    *name*, a blog's address, is kept with it: a deleted blog's actor then answers 410.
    """
    found = ActorKey.objects.filter(actor=actor).first()
    if found is not None:
        return found
    private, public = new_pem_pair()
    try:
        with transaction.atomic():
            return ActorKey.objects.create(
                actor=actor, name=name, private_pem=private, public_pem=public
            )
    except IntegrityError:  # two requests made one at once: the first one stored wins
        return ActorKey.objects.get(actor=actor)
