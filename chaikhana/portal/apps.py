from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "chaikhana.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from chaikhana.blogs import signals
        from chaikhana.portal import receivers

        signals.post_published.connect(receivers.on_post_published, dispatch_uid="portal.published")
