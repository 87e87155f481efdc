"""Application passwords: create, revoke, and check them for the XML-RPC and Micropub APIs.

A password reads ``<ident>.<secret>``: 10 + 1 + 32 characters from [a-z0-9] and
[A-Za-z0-9] (about 190 bits in the secret). The ident finds the row; the secret is
checked against its Django hash. Unknown idents, other people's idents and malformed
values still cost one hash, as Django's ModelBackend does for unknown users, so the
answer's timing does not tell which names or idents exist.

Each password carries scopes (what it may do), an optional list of blogs it may touch and an
optional expiry. Accounts sits left of blogs, so the blogs a person may choose from come
through :data:`blog_choices`, which blogs fills in at start-up.
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Callable
from datetime import datetime, timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chaikhana.accounts.models import AppPassword, User, username_key
from chaikhana.core.errors import ActionError

IDENT_LENGTH = 10
SECRET_LENGTH = 32
MAX_PER_USER = 50
LAST_USED_PRECISION = timedelta(minutes=1)
_IDENT_CHARS = string.ascii_lowercase + string.digits
_SECRET_CHARS = string.ascii_letters + string.digits

# What a password may be used for; "read" covers her drafts, revisions and other private reads.
SCOPES = {
    "read": gettext_lazy("read her blogs' drafts, revisions and settings"),
    "posts": gettext_lazy("write, publish and delete posts and pages, categories and tags"),
    "media": gettext_lazy("upload files"),
    "comments": gettext_lazy("moderate comments"),
    "portal": gettext_lazy("submit posts to the portal"),
    "courses": gettext_lazy("register for course sessions"),
}


def _no_blogs(user: User) -> list[tuple[int, str]]:
    return []


# (blog id, title) of the blogs *user* writes for; blogs sets it in AppConfig.ready().
blog_choices: Callable[[User], list[tuple[int, str]]] = _no_blogs


def set_blog_choices(provider: Callable[[User], list[tuple[int, str]]]) -> None:
    global blog_choices
    blog_choices = provider


def _random(chars: str, length: int) -> str:
    return "".join(secrets.choice(chars) for _ in range(length))


def _split(value: str) -> tuple[str, str] | None:
    ident, dot, secret = value.strip().partition(".")
    if not dot or len(ident) != IDENT_LENGTH or len(secret) != SECRET_LENGTH:
        return None
    return ident, secret


def _check_grant(
    user: User, scopes: list[str], blog_ids: list[int], expires_at: datetime | None
) -> None:
    if not scopes or any(scope not in SCOPES for scope in scopes):
        raise ActionError(_("Choose at least one of the listed scopes."), field="scopes")
    mine = {pk for pk, _title in blog_choices(user)}
    if any(pk not in mine for pk in blog_ids):
        raise ActionError(_("Choose only blogs you write for."), field="blogs")
    if expires_at is not None and expires_at <= timezone.now():
        raise ActionError(_("Choose an expiry date in the future."), field="expires_at")


@transaction.atomic
def create_app_password(
    *,
    user: User,
    name: str,
    scopes: list[str] | None = None,
    blog_ids: list[int] | None = None,
    expires_at: datetime | None = None,
) -> tuple[AppPassword, str]:
    """A new password for *user*'s client *name*; the clear value is returned only here.

    Without *scopes* it may read and write posts and media (what XML-RPC and Micropub need);
    without *blog_ids* it reaches every blog she writes for; without *expires_at*, until revoked.
    """
    name = name.strip()
    if not name:
        raise ActionError(_("Name the application this password is for."), field="name")
    if len(name) > 100:
        raise ActionError(_("Keep the name under 100 characters."), field="name")
    scopes = ["read", "posts", "media"] if scopes is None else [s for s in SCOPES if s in scopes]
    blog_ids = sorted(set(blog_ids or []))
    _check_grant(user, scopes, blog_ids, expires_at)
    if AppPassword.objects.of(user).count() >= MAX_PER_USER:
        raise ActionError(_("You have too many application passwords; revoke some first."))
    ident, secret = _random(_IDENT_CHARS, IDENT_LENGTH), _random(_SECRET_CHARS, SECRET_LENGTH)
    row = AppPassword.objects.create(
        user=user,
        name=name,
        ident=ident,
        secret_hash=make_password(secret),
        scopes=" ".join(scopes),
        blog_ids=blog_ids,
        expires_at=expires_at,
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
    if row.expires_at is not None and row.expires_at <= timezone.now():
        return None
    if username is not None and row.user.username_key != username_key(username):
        return None
    now = timezone.now()
    # To the minute is enough for "last used", and spares a write on every API call.
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_PRECISION:
        AppPassword.objects.filter(pk=row.pk).update(last_used_at=now)
    return row


def authenticate_app_password(username: str, password: str) -> AppPassword | None:
    """The live application password *password* of the active user named *username*."""
    return _check(password, username)


def authenticate_token(token: str) -> AppPassword | None:
    """The live application password a bearer token (the password used alone) is."""
    return _check(token)
