"""Every IndieAuth write: consent (a code), exchange (a grant), revocation.

Codes are single-use and short-lived; presenting a used code again revokes the token it
became (RFC 6749 §4.1.2: someone else holds the code). Only SHA-256 hashes are stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.indieauth import conf
from chaikhana.indieauth.authorization import AuthRequest
from chaikhana.indieauth.models import AuthorizationCode, Grant, digest

TOKEN_PREFIX = "ia_"  # noqa: S105 - tells our tokens from application passwords


class TokenError(Exception):
    """An OAuth 2.0 error (RFC 6749 §5.2) for the token endpoint to answer with."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error, self.description = error, description


@dataclass(frozen=True)
class Exchange:
    me: str
    grant: Grant | None  # None: a sign-in without scopes, which gets no token
    token: str = ""


def s256(verifier: str) -> str:
    """RFC 7636 §4.2: BASE64URL(SHA256(verifier)) without padding."""
    hashed = hashlib.sha256(verifier.encode("ascii", errors="replace")).digest()
    return base64.urlsafe_b64encode(hashed).rstrip(b"=").decode()


@transaction.atomic
def issue_code(*, user: User, blog: Blog, me: str, request: AuthRequest, scopes: list[str]) -> str:
    """The writer consented: a code for the app to exchange within minutes, once."""
    if Grant.objects.of(user).active().count() >= conf.MAX_PER_USER:
        raise ActionError(_("You have signed in to too many apps; revoke some first."))
    code = secrets.token_urlsafe(32)
    AuthorizationCode.objects.create(
        user=user,
        blog=blog,
        me=me,
        client_id=request.client.client_id,
        client_name=request.client.name,
        redirect_uri=request.redirect_uri,
        scope=" ".join(scopes),
        code_challenge=request.code_challenge,
        code_hash=digest(code),
        expires_at=timezone.now() + timedelta(seconds=conf.code_seconds()),
    )
    return code


def _checked_code(code: str, client_id: str, redirect_uri: str, verifier: str) -> AuthorizationCode:
    row = (
        AuthorizationCode.objects.select_for_update()
        .select_related("blog", "user")
        .filter(code_hash=digest(code))
        .first()
    )
    if row is None:
        raise TokenError("invalid_grant", _("The authorization code is not valid."))
    if row.used_at is not None:
        raise TokenError("invalid_grant", _("The authorization code was already used."))
    if row.expires_at <= timezone.now():
        raise TokenError("invalid_grant", _("The authorization code has expired; sign in again."))
    if row.client_id != client_id or row.redirect_uri != redirect_uri:
        raise TokenError(
            "invalid_grant", _("client_id or redirect_uri differ from the authorization request.")
        )
    if not hmac.compare_digest(s256(verifier), row.code_challenge):
        raise TokenError("invalid_grant", _("The code_verifier does not match the code_challenge."))
    if (
        not row.user.is_active
        or not row.blog.is_active
        or not row.blog.memberships.filter(user=row.user).exists()
    ):
        raise TokenError("invalid_grant", _("The writer may no longer write on this blog."))
    return row


@transaction.atomic
def _revoke_replayed(code: str) -> bool:
    """A used code shown again: revoke what it gave (committed before the refusal)."""
    row = AuthorizationCode.objects.filter(code_hash=digest(code), used_at__isnull=False).first()
    if row is None:
        return False
    if row.grant_id is not None:  # a sign-in without scopes gave no token
        Grant.objects.filter(pk=row.grant_id, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    return True


def redeem_code(
    *, code: str, client_id: str, redirect_uri: str, verifier: str, for_token: bool
) -> Exchange:
    """Exchange a code: at the token endpoint for a token (the code must carry scopes), at
    the authorization endpoint for the blog's address alone (§5.3.3)."""
    if _revoke_replayed(code):
        raise TokenError(
            "invalid_grant",
            _("The authorization code was already used; the token it gave is now revoked."),
        )
    return _redeem(code, client_id, redirect_uri, verifier, for_token=for_token)


@transaction.atomic
def _redeem(
    code: str, client_id: str, redirect_uri: str, verifier: str, *, for_token: bool
) -> Exchange:
    row = _checked_code(code, client_id, redirect_uri, verifier)
    if for_token and not row.scope:
        raise TokenError(
            "invalid_grant", _("This code was issued without scopes, so it gives no token.")
        )
    now = timezone.now()
    row.used_at = now
    if not for_token:
        row.save(update_fields=["used_at"])
        return Exchange(me=row.me, grant=None)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    grant = Grant.objects.create(
        user=row.user,
        blog=row.blog,
        me=row.me,
        client_id=row.client_id,
        client_name=row.client_name,
        scope=row.scope,
        token_hash=digest(token),
        created_at=now,
        expires_at=now + timedelta(days=conf.token_days()),
    )
    row.grant = grant
    row.save(update_fields=["used_at", "grant"])
    return Exchange(me=row.me, grant=grant, token=token)


def revoke_token(*, token: str) -> None:
    """RFC 7009: the app (or anyone holding the token) ends it; unknown tokens change nothing."""
    Grant.objects.filter(token_hash=digest(token.strip()), revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def revoke_grant(*, grant: Grant, by: User) -> None:
    """The writer ends an app's access from her profile."""
    if grant.user_id != by.pk:
        raise ActionError(_("This sign-in is not yours."))
    if grant.revoked_at is None:
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])
