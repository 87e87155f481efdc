"""The porting app: imports from other blog engines, and (later) exports and APIs."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortingConfig(AppConfig):
    name = "chaikhana.porting"
    verbose_name = _("Import and export")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the WordPress/MetaWeblog/Blogger methods with linkbacks' /xmlrpc.php.
        from chaikhana.porting.api import xmlrpc_methods  # noqa: F401
