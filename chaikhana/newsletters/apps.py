from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "chaikhana.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self) -> None:
        from anymail.signals import tracking

        from chaikhana.accounts.signals import account_deleting
        from chaikhana.blogs import signals
        from chaikhana.newsletters import receivers

        signals.post_published.connect(
            receivers.on_post_published, dispatch_uid="newsletters.post_published"
        )
        account_deleting.connect(
            receivers.on_account_deleting, dispatch_uid="newsletters.account_deleting"
        )
        tracking.connect(receivers.on_tracking, dispatch_uid="newsletters.tracking")
