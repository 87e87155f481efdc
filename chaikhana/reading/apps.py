from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "chaikhana.reading"
    label = "reading"
    verbose_name = _("Reading")

    def ready(self) -> None:
        from chaikhana.blogs import signals
        from chaikhana.reading import receivers
        from chaikhana.reading.cache import receivers as page_cache

        page_cache.connect()

        # Search: docs/architecture.md, "Search".
        signals.post_changed.connect(receivers.reindex_post, dispatch_uid="search.post_changed")
        signals.post_deleted.connect(receivers.reindex_post, dispatch_uid="search.post_deleted")
        signals.blog_changed.connect(
            receivers.forget_blog_if_deleted, dispatch_uid="search.blog_changed"
        )
