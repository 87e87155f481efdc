from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    name = "chaikhana.federation"
    label = "federation"
    verbose_name = _("Federation (ActivityPub)")

    def ready(self) -> None:
        # blogs never imports federation: we listen to what its actions announce after commit.
        from chaikhana.blogs import signals
        from chaikhana.federation import receivers
        from chaikhana.portal import signals as portal_signals

        signals.post_published.connect(receivers.on_post_published, dispatch_uid="federation.pub")
        signals.post_changed.connect(receivers.on_post_changed, dispatch_uid="federation.changed")
        signals.post_deleted.connect(receivers.on_post_deleted, dispatch_uid="federation.deleted")
        signals.blog_changed.connect(receivers.on_blog_changed, dispatch_uid="federation.blog")
        portal_signals.story_featured.connect(
            receivers.on_story_featured, dispatch_uid="federation.featured"
        )
