from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "chaikhana.reading"
    label = "reading"
    verbose_name = _("Reading")
