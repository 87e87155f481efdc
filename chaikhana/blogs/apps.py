from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "chaikhana.blogs"
    label = "blogs"
    verbose_name = _("Blogs")

    def ready(self) -> None:
        from chaikhana.accounts.signals import account_deleting
        from chaikhana.blogs import receivers

        account_deleting.connect(
            receivers.delete_blogs_owned_alone, dispatch_uid="blogs.delete_blogs_owned_alone"
        )
