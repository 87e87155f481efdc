from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadingConfig(AppConfig):
    name = "chaikhana.reading"
    label = "reading"
    verbose_name = _("Reading")

    def ready(self) -> None:
        from chaikhana.blogs import signals
        from chaikhana.reading import receivers
        from chaikhana.reading.cache import portal as portal_pages
        from chaikhana.reading.cache import receivers as page_cache

        page_cache.connect()
        portal_pages.connect()  # the portal's pages and tables (reading/cache/portal.py)

        # Search: docs/architecture.md, "Search".
        signals.post_changed.connect(receivers.reindex_post, dispatch_uid="search.post_changed")
        signals.post_deleted.connect(receivers.reindex_post, dispatch_uid="search.post_deleted")
        signals.posts_imported.connect(
            receivers.on_posts_imported, dispatch_uid="reading.posts_imported"
        )
        signals.posts_rerendered.connect(
            receivers.on_posts_imported, dispatch_uid="reading.posts_rerendered"
        )
        signals.blog_changed.connect(
            receivers.forget_blog_if_deleted, dispatch_uid="search.blog_changed"
        )

        # Comments appear on the post's page: docs/architecture.md, "Comments".
        from chaikhana.comments import signals as comment_signals

        comment_signals.comment_approved.connect(
            receivers.refresh_post_page, dispatch_uid="cache.comment_approved"
        )
        comment_signals.comment_removed.connect(
            receivers.refresh_post_page, dispatch_uid="cache.comment_removed"
        )
        comment_signals.comment_settings_changed.connect(
            receivers.refresh_blog_pages, dispatch_uid="cache.comment_settings_changed"
        )
