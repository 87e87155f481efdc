"""People: a username and a password are enough; everything else is optional."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def public_name(self) -> str:
        return self.display_name or self.username
