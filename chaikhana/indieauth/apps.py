from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndieAuthConfig(AppConfig):
    name = "chaikhana.indieauth"
    label = "indieauth"
    verbose_name = _("IndieAuth sign-in for apps")
    default_auto_field = "django.db.models.BigAutoField"
