"""Authorization codes and the grants (access tokens) they become; only hashes are stored.

A code and a token are 256-bit random strings, so one SHA-256 of each is enough to look it
up and is useless to whoever reads the table. ``me`` is the blog's address the writer
signed in as: never the person.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class GrantQuerySet(models.QuerySet["Grant"]):
    def of(self, user: User) -> GrantQuerySet:
        return self.filter(user=user)

    def active(self) -> GrantQuerySet:
        """Grants whose access token works now."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())

    def signed_in(self) -> GrantQuerySet:
        """Grants an app still holds: a working access token, or a refresh token for one."""
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__gt=now) | models.Q(refresh_expires_at__gt=now)
        )


class Grant(models.Model):
    """An app's access to one blog, with the scopes the writer consented to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="indieauth_grants"
    )
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    me = models.URLField(max_length=500)
    client_id = models.URLField(max_length=500)
    client_name = models.CharField(_("app"), max_length=200)
    scope = models.CharField(max_length=200)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    # IndieAuth §5.5 (RFC 6749 §6): each refresh gives a new access token and a new refresh
    # token. The one before is remembered so that its reuse, which means someone else holds
    # it, revokes the grant (OAuth 2.0 Security BCP §4.14.2).
    refresh_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    previous_refresh_hash = models.CharField(max_length=64, blank=True, db_index=True)
    refresh_expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("app sign-in")
        verbose_name_plural = _("app sign-ins")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.client_name} → {self.me}"

    @property
    def scopes(self) -> frozenset[str]:
        return frozenset(self.scope.split())


class AuthorizationCode(models.Model):
    """What the writer consented to, waiting (briefly, once) to be exchanged for a token."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    me = models.URLField(max_length=500)
    client_id = models.URLField(max_length=500)
    client_name = models.CharField(max_length=200)
    redirect_uri = models.URLField(max_length=1000)
    scope = models.CharField(max_length=200, blank=True)
    code_challenge = models.CharField(max_length=128)
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # The token it became: revoked when the code is presented again (RFC 6749 §4.1.2).
    grant = models.ForeignKey(Grant, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"{self.client_id} ({self.created_at:%Y-%m-%d %H:%M})"
