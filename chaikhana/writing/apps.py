from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WritingConfig(AppConfig):
    name = "chaikhana.writing"
    label = "writing"
    verbose_name = _("Writing")
