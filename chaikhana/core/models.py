"""Network-wide rows that apps below `network` must read: the settings singleton, invite
codes and per-person blog limits.

They live in core, not in network, because sign-up (accounts), blog creation (blogs) and
uploads (media) read them, and those apps may not import the network app. Only
network's actions write them; everyone else reads through core.network_settings.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The accent of core/static/css/chaikhana.css (links' focus ring, the brand).
DEFAULT_THEME_COLOR = "#8a3b12"


class NetworkSettings(models.Model):
    """The one row of settings the administrator edits at /network/settings/ (pk 1)."""

    class SignUp(models.TextChoices):
        OPEN = "open", _("Open: anyone may sign up")
        INVITE = "invite", _("Invite only: sign-up needs an invite code")
        CLOSED = "closed", _("Closed: nobody may sign up")

    class CommentMode(models.TextChoices):
        OPEN = "open", _("Anyone may comment")
        SIGNED_IN = "signed_in", _("Only signed-in people may comment")
        CLOSED = "closed", _("Comments are closed")

    # Empty name and languages mean "as configured in the environment" (settings.py).
    name = models.CharField(_("network name"), max_length=100, blank=True)
    languages = models.JSONField(_("languages offered"), default=list, blank=True)
    signup = models.CharField(
        _("sign-up"), max_length=8, choices=SignUp.choices, default=SignUp.OPEN
    )
    default_theme = models.CharField(_("default theme of new blogs"), max_length=16, default="text")
    blogs_per_user = models.PositiveSmallIntegerField(_("blogs per person"), null=True, blank=True)
    quota_mb = models.PositiveIntegerField(_("storage per person (MB)"), null=True, blank=True)
    comment_mode = models.CharField(
        _("who may comment on a new blog"),
        max_length=10,
        choices=CommentMode.choices,
        default=CommentMode.OPEN,
    )
    hold_first_comment = models.BooleanField(
        _("hold a first-time commenter's comment for approval"), default=True
    )
    # Newsletters (chaikhana/newsletters): messages the network may send per hour, to stay
    # inside the mail provider's limits; empty means NEWSLETTERS_PER_HOUR.
    newsletter_per_hour = models.PositiveIntegerField(
        _("newsletter messages per hour"), null=True, blank=True
    )
    # The browser's bar, the app icons and the title cards; empty means the stylesheet's accent.
    theme_color = models.CharField(
        _("theme colour"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour such as #8a3b12."))],
    )
    # A 512-px square PNG in the default storage (network.actions.settings); empty: the
    # icons are the first letter of the name on the theme colour (core/icons.py).
    icon = models.CharField(_("icon"), max_length=255, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("network settings")
        verbose_name_plural = _("network settings")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="one_network_row")]

    def __str__(self) -> str:
        return self.network_name

    @property
    def network_name(self) -> str:
        return self.name or settings.NETWORK_NAME

    @property
    def color(self) -> str:
        return (self.theme_color or DEFAULT_THEME_COLOR).lower()

    @property
    def language_codes(self) -> list[str]:
        return list(self.languages) or [code for code, _name in settings.LANGUAGES]

    @property
    def blog_limit(self) -> int:
        return settings.BLOGS_PER_USER if self.blogs_per_user is None else self.blogs_per_user

    @property
    def quota_bytes(self) -> int:
        mb = settings.MEDIA_QUOTA_MB if self.quota_mb is None else self.quota_mb
        return int(mb) * 1024 * 1024


class InviteCodeQuerySet(models.QuerySet["InviteCode"]):
    def usable(self) -> InviteCodeQuerySet:
        """Codes with a use left and not expired; the filter consume_invite updates through."""
        not_expired = models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now())
        return self.filter(not_expired, uses__lt=models.F("max_uses"))


class InviteCode(models.Model):
    """A code that lets its holder sign up while sign-up is invite-only."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    max_uses = models.PositiveIntegerField(_("uses allowed"), default=1)
    uses = models.PositiveIntegerField(_("uses"), default=0)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InviteCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("invite code")
        verbose_name_plural = _("invite codes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uses__lte=models.F("max_uses")), name="invite_uses_within_max"
            )
        ]

    def __str__(self) -> str:
        return self.code


class BlogLimit(models.Model):
    """A person's own number of blogs, when staff set one apart from the network's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    blogs = models.PositiveSmallIntegerField(_("blogs allowed"))

    class Meta:
        verbose_name = _("blog limit")
        verbose_name_plural = _("blog limits")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.blogs}"
