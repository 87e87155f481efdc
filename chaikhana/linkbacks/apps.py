from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkbacksConfig(AppConfig):
    name = "chaikhana.linkbacks"
    label = "linkbacks"
    verbose_name = _("Pingbacks and webmentions")

    def ready(self) -> None:
        # blogs never imports linkbacks: we listen to what its actions announce after commit.
        from chaikhana.blogs import signals
        from chaikhana.linkbacks import pingback, receivers

        assert pingback  # imported for its @register("pingback.ping")

        signals.post_published.connect(receivers.on_post_saved, dispatch_uid="linkbacks.published")
        signals.post_changed.connect(receivers.on_post_saved, dispatch_uid="linkbacks.changed")
