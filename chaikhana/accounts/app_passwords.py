"""Application passwords: create, revoke, and check them for the XML-RPC and Micropub APIs.

A password reads ``<ident>.<secret>``: 10 + 1 + 32 characters from [a-z0-9] and
[A-Za-z0-9] (about 190 bits in the secret). The ident finds the row; the secret is
checked against its Django hash. Unknown idents, other people's idents and malformed
values still cost one hash, as Django's ModelBackend does for unknown users, so the
answer's timing does not tell which names or idents exist.
"""

from __future__ import annotations

import secrets
import string

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import AppPassword, User, username_key
from chaikhana.core.errors import ActionError

IDENT_LENGTH = 10
SECRET_LENGTH = 32
MAX_PER_USER = 50
_IDENT_CHARS = string.ascii_lowercase + string.digits
_SECRET_CHARS = string.ascii_letters + string.digits


def _random(chars: str, length: int) -> str:
    return "".join(secrets.choice(chars) for _ in range(length))


def _split(value: str) -> tuple[str, str] | None:
    ident, dot, secret = value.strip().partition(".")
    if not dot or len(ident) != IDENT_LENGTH or len(secret) != SECRET_LENGTH:
        return None
    return ident, secret


@transaction.atomic
def create_app_password(*, user: User, name: str) -> tuple[AppPassword, str]:
    """A new password for *user*'s client *name*; the clear value is returned only here."""
    name = name.strip()
    if not name:
        raise ActionError(_("Name the application this password is for."), field="name")
    if len(name) > 100:
        raise ActionError(_("Keep the name under 100 characters."), field="name")
    if AppPassword.objects.of(user).count() >= MAX_PER_USER:
        raise ActionError(_("You have too many application passwords; revoke some first."))
    ident, secret = _random(_IDENT_CHARS, IDENT_LENGTH), _random(_SECRET_CHARS, SECRET_LENGTH)
    row = AppPassword.objects.create(
        user=user, name=name, ident=ident, secret_hash=make_password(secret)
    )
    return row, f"{ident}.{secret}"


@transaction.atomic
def revoke_app_password(*, app_password: AppPassword, by: User) -> None:
    """Revoke one of her own application passwords; clients using it stop at once."""
    if app_password.user_id != by.pk:
        raise ActionError(_("This application password is not yours."))
    app_password.delete()


def _check(value: str, username: str | None = None) -> AppPassword | None:
    """The row whose ident and secret *value* carries (and, given, whose user is *username*);
    exactly one hash computed either way."""
    parts = _split(value)
    row = None
    if parts is not None:
        row = AppPassword.objects.select_related("user").filter(ident=parts[0]).first()
    if row is None or parts is None:
        make_password(value)  # the dummy hash: same cost as a real check
        return None
    if not check_password(parts[1], row.secret_hash) or not row.user.is_active:
        return None
    if username is not None and row.user.username_key != username_key(username):
        return None
    AppPassword.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    return row


def authenticate_app_password(username: str, password: str) -> User | None:
    """The active user named *username* if *password* is one of her application passwords."""
    row = _check(password, username)
    return None if row is None else row.user


def authenticate_token(token: str) -> User | None:
    """The user a bearer token (an application password used alone) belongs to."""
    row = _check(token)
    return None if row is None else row.user
