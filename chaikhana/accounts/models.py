"""People: a username and a password are enough; everything else is optional."""

import unicodedata
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


def username_key(username: str) -> str:
    """The form of a username that decides whether two are "the same" name.

    Python's casefold, not the database's LOWER(): SQLite lowers ASCII only, so «Айгуль»
    and «айгуль» would otherwise be two accounts, and one could impersonate the other.
    """
    return unicodedata.normalize("NFKC", username).casefold()


class UserManager(DjangoUserManager["User"]):
    def get_by_natural_key(self, username: str | None) -> "User":
        # Logging in ignores case, as sign-up does when it checks a name is free.
        return self.get(username_key=username_key(username or ""))


class User(AbstractUser):
    """A person on the network. Pseudonymous by design: email only for recovery and notices."""

    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    language = models.CharField(
        _("interface language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty to follow your browser."),
    )
    username_key = models.CharField(max_length=150, unique=True, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="unique_email_ignoring_case",
                violation_error_message=_("Another account already uses this email address."),
            )
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    def save(self, *args: object, **kwargs: object) -> None:
        self.username_key = username_key(self.username)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "username" in update_fields:  # type: ignore[operator]
            kwargs["update_fields"] = {*update_fields, "username_key"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def public_name(self) -> str:
        """The name others may see: never the username, which stays private to her."""
        return self.display_name or str(_("Anonymous"))


class AppPasswordQuerySet(models.QuerySet["AppPassword"]):
    def of(self, user: User) -> "AppPasswordQuerySet":
        return self.filter(user=user)


class AppPassword(models.Model):
    """A labelled password for one API client (MarsEdit, a phone app, a Micropub tool).

    Never the account password: each can be revoked alone. The whole value is
    ``<ident>.<secret>``; only ``ident`` is stored in clear, to find the row in one query
    (so the same value works as an XML-RPC password and as a Micropub bearer token),
    and the secret is kept as a Django password hash.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="app_passwords"
    )
    name = models.CharField(_("name"), max_length=100)
    ident = models.CharField(max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=256, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    # What the password may do: space-separated names from app_passwords.SCOPES. Passwords
    # made before scopes existed keep what XML-RPC and Micropub let them do.
    scopes = models.CharField(_("scopes"), max_length=100, default="read posts media")
    # The blogs it may touch (ids; empty: every blog she writes for). Ids, not a foreign key:
    # accounts sits left of blogs. A deleted blog's id is never reused (AUTOINCREMENT/serial).
    blog_ids = models.JSONField(default=list, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    objects = AppPasswordQuerySet.as_manager()

    class Meta:
        verbose_name = _("application password")
        verbose_name_plural = _("application passwords")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def scope_names(self) -> list[str]:
        return self.scopes.split()

    def allows(self, scope: str) -> bool:
        return scope in self.scope_names

    def allows_blog(self, blog_id: int) -> bool:
        return not self.blog_ids or blog_id in self.blog_ids
