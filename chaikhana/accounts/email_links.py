"""The signed link that confirms an email address: who asked, for which address, from which.

Stateless (django.core.signing, keyed by SECRET_KEY): nothing is stored until she follows it.
The address she had when she asked is signed in too, so an old link cannot undo a later change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing

SALT = "chaikhana.accounts.email-confirm"
MAX_AGE = 3 * 24 * 60 * 60  # a link outlives a weekend away from the mailbox, not longer


@dataclass(frozen=True)
class EmailRequest:
    user_id: int
    email: str
    previous: str


def make_token(*, user_id: int, email: str, previous: str) -> str:
    return signing.dumps({"u": user_id, "e": email, "p": previous}, salt=SALT, compress=True)


def read_token(token: str) -> EmailRequest | None:
    """The request signed into *token*; None when it was tampered with or has expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        return EmailRequest(user_id=int(data["u"]), email=str(data["e"]), previous=str(data["p"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
