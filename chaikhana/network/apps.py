"""The network app: it listens to the apps it administers and is imported by none of them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "chaikhana.network"
    label = "network"
    verbose_name = _("Network administration")

    def ready(self) -> None:
        from chaikhana.blogs.signals import member_role_changed
        from chaikhana.network import receivers

        member_role_changed.connect(
            receivers.record_member_role_change, dispatch_uid="network.record_member_role_change"
        )
