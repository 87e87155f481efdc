"""The media app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "chaikhana.media"
    label = "media"
    verbose_name = _("Media")
    default_auto_field = "django.db.models.BigAutoField"
