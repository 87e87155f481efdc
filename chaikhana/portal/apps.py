from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "chaikhana.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from chaikhana.accounts.twofactor.devices import require_two_factor_for
        from chaikhana.blogs import signals
        from chaikhana.comments.editorial import EditorialDesk, register_desk
        from chaikhana.portal import permissions, receivers, staff

        signals.post_published.connect(receivers.on_post_published, dispatch_uid="portal.published")
        # The portal blog's comments: its staff sign and moderate by their portal roles.
        register_desk(EditorialDesk(name_on=staff.name_on, moderates=staff.moderates_comments))
        # The desk sees private sources and unpublished stories: never on a password alone.
        require_two_factor_for(permissions.is_desk_member)
