from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "chaikhana.blogs"
    label = "blogs"
    verbose_name = _("Blogs")

    def ready(self) -> None:
        from chaikhana.accounts.app_passwords import set_blog_choices
        from chaikhana.accounts.signals import account_deleting
        from chaikhana.blogs import receivers

        account_deleting.connect(
            receivers.delete_blogs_owned_alone, dispatch_uid="blogs.delete_blogs_owned_alone"
        )
        # The profile page offers these when a password is limited to some blogs.
        set_blog_choices(receivers.writable_blogs)
