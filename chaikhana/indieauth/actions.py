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
from datetime import datetime, timedelta

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.indieauth import conf
from chaikhana.indieauth.authorization import AuthRequest
from chaikhana.indieauth.models import AuthorizationCode, Grant, digest

TOKEN_PREFIX = "ia_"  # noqa: S105 - tells our tokens from application passwords
REFRESH_PREFIX = "iar_"


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
    refresh_token: str = ""
    scope: str = ""  # what the code carried (the profile scope asks for the profile)
    blog_id: int = 0


def _new_secrets(grant: Grant, now: datetime) -> tuple[str, str]:
    """A fresh access token and refresh token for *grant* (hashes set, not saved)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    refresh = REFRESH_PREFIX + secrets.token_urlsafe(32)
    grant.token_hash, grant.refresh_hash = digest(token), digest(refresh)
    grant.expires_at = now + timedelta(days=conf.token_days())
    grant.refresh_expires_at = now + timedelta(days=conf.refresh_days())
    return token, refresh


def s256(verifier: str) -> str:
    """RFC 7636 §4.2: BASE64URL(SHA256(verifier)) without padding."""
    hashed = hashlib.sha256(verifier.encode("ascii", errors="replace")).digest()
    return base64.urlsafe_b64encode(hashed).rstrip(b"=").decode()


@transaction.atomic
def issue_code(*, user: User, blog: Blog, me: str, request: AuthRequest, scopes: list[str]) -> str:
    """The writer consented: a code for the app to exchange within minutes, once."""
    if Grant.objects.of(user).signed_in().count() >= conf.MAX_PER_USER:
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
        return Exchange(me=row.me, grant=None, scope=row.scope, blog_id=row.blog_id)
    grant = Grant(
        user=row.user,
        blog=row.blog,
        me=row.me,
        client_id=row.client_id,
        client_name=row.client_name,
        scope=row.scope,
        created_at=now,
    )
    token, refresh = _new_secrets(grant, now)
    grant.save()
    row.grant = grant
    row.save(update_fields=["used_at", "grant"])
    return Exchange(me=row.me, grant=grant, token=token, refresh_token=refresh, scope=row.scope)


@transaction.atomic
def _revoke_reused_refresh(refresh_token: str) -> bool:
    """A refresh token already exchanged, shown again: revoke its grant (committed before
    the refusal), since either the app or a thief now holds a newer one."""
    return bool(
        Grant.objects.filter(
            previous_refresh_hash=digest(refresh_token), revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
    )


def refresh_grant(*, refresh_token: str, client_id: str, scope: str) -> Exchange:
    """IndieAuth §5.5: a new access token and refresh token for the same grant; the old
    ones stop working. *scope* (optional) may narrow the grant, never widen it."""
    if _revoke_reused_refresh(refresh_token):
        raise TokenError(
            "invalid_grant",
            _("This refresh token was already used; the app's access is now revoked."),
        )
    return _refresh(refresh_token, client_id, scope)


@transaction.atomic
def _refresh(refresh_token: str, client_id: str, scope: str) -> Exchange:
    grant = (
        Grant.objects.select_for_update()
        .select_related("user", "blog")
        .filter(refresh_hash=digest(refresh_token), revoked_at__isnull=True)
        .first()
    )
    now = timezone.now()
    if grant is None or grant.refresh_expires_at is None or grant.refresh_expires_at <= now:
        raise TokenError("invalid_grant", _("The refresh token is not valid, expired or revoked."))
    if grant.client_id != client_id:
        raise TokenError("invalid_grant", _("This refresh token was issued to another app."))
    if not grant.user.is_active or not grant.blog.memberships.filter(user=grant.user).exists():
        raise TokenError("invalid_grant", _("The writer may no longer write on this blog."))
    asked = scope.split()
    if asked and not set(asked) <= grant.scopes:
        raise TokenError(
            "invalid_scope", _("A refresh may keep or narrow the scopes, not add any.")
        )
    grant.previous_refresh_hash = grant.refresh_hash or ""
    if asked:
        grant.scope = " ".join(name for name in grant.scope.split() if name in asked)
    token, refresh = _new_secrets(grant, now)
    grant.save()
    return Exchange(me=grant.me, grant=grant, token=token, refresh_token=refresh, scope=grant.scope)


def revoke_token(*, token: str) -> None:
    """RFC 7009: the app (or anyone holding the token) ends it; unknown tokens change nothing.
    An access token or a refresh token ends the whole grant (§2.1 allows both)."""
    hashed = digest(token.strip())
    Grant.objects.filter(
        models.Q(token_hash=hashed) | models.Q(refresh_hash=hashed), revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


@transaction.atomic
def revoke_grant(*, grant: Grant, by: User) -> None:
    """The writer ends an app's access from her profile."""
    if grant.user_id != by.pk:
        raise ActionError(_("This sign-in is not yours."))
    if grant.revoked_at is None:
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])
