"""Checking an IndieAuth access token: the grant behind it, while active."""

from __future__ import annotations

from django.utils import timezone

from chaikhana.indieauth.actions import TOKEN_PREFIX
from chaikhana.indieauth.models import Grant, digest


def is_indieauth_token(token: str) -> bool:
    return token.startswith(TOKEN_PREFIX)


def active_grant(token: str) -> Grant | None:
    """The active grant of *token* (its writer still active and still a member), else None."""
    grant = (
        Grant.objects.active()
        .select_related("user", "blog")
        .filter(token_hash=digest(token.strip()))
        .first()
    )
    if grant is None or not grant.user.is_active or not grant.blog.is_active:
        return None
    if not grant.blog.memberships.filter(user=grant.user).exists():
        return None
    return grant


def use_grant(token: str) -> Grant | None:
    """As active_grant, noting the use (shown on the writer's profile)."""
    grant = active_grant(token)
    if grant is not None:
        Grant.objects.filter(pk=grant.pk).update(last_used_at=timezone.now())
    return grant
