"""The signed, expiring confirmation link. Unsubscribe links carry the subscription's secret."""

from __future__ import annotations

from django.core import signing

from chaikhana.newsletters import conf

SALT = "chaikhana.newsletters.confirm"


class BadToken(Exception):
    pass


class ExpiredToken(BadToken):
    pass


def confirmation_token(subscription_id: int, secret: str) -> str:
    return signing.dumps({"s": subscription_id, "k": secret}, salt=SALT, compress=True)


def read_confirmation(token: str) -> tuple[int, str]:
    """(subscription id, secret) from a token; ExpiredToken or BadToken when it is not good."""
    try:
        data = signing.loads(token, salt=SALT, max_age=conf.confirm_hours() * 3600)
    except signing.SignatureExpired as err:
        raise ExpiredToken from err
    except signing.BadSignature as err:
        raise BadToken from err
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise BadToken
    return data["s"], str(data.get("k", ""))
