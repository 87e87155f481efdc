from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "chaikhana.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Nobody imports webhooks: we listen to what the apps' actions announce after commit.
        from chaikhana.blogs import signals as blog_signals
        from chaikhana.comments import signals as comment_signals
        from chaikhana.courses import signals as course_signals
        from chaikhana.portal import signals as portal_signals
        from chaikhana.webhooks import receivers as r

        blog_signals.post_published.connect(r.on_post_published, dispatch_uid="webhooks.pub")
        blog_signals.post_changed.connect(r.on_post_changed, dispatch_uid="webhooks.changed")
        blog_signals.post_deleted.connect(r.on_post_deleted, dispatch_uid="webhooks.deleted")
        comment_signals.comment_received.connect(r.on_comment_received, dispatch_uid="webhooks.c1")
        comment_signals.comment_approved.connect(r.on_comment_approved, dispatch_uid="webhooks.c2")
        portal_signals.submission_changed.connect(r.on_submission, dispatch_uid="webhooks.sub")
        course_signals.registration_created.connect(r.on_registration, dispatch_uid="webhooks.reg")
