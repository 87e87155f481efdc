"""CommentSettings: one blog's comment policy (who may comment, what waits for approval)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog
from chaikhana.core import network_settings


class CommentSettingsQuerySet(models.QuerySet["CommentSettings"]):
    def of(self, blog: Blog) -> CommentSettings:
        """The blog's policy; until its owner changes it, the network's defaults (unsaved)."""
        if (own := self.filter(blog=blog).first()) is not None:
            return own
        network = network_settings.current()
        return CommentSettings(
            blog=blog, mode=network.comment_mode, hold_first_comment=network.hold_first_comment
        )


class CommentSettings(models.Model):
    class Mode(models.TextChoices):
        OPEN = "open", _("Anyone may comment")
        SIGNED_IN = "signed_in", _("Only signed-in people may comment")
        CLOSED = "closed", _("Comments are closed")

    blog = models.OneToOneField(Blog, on_delete=models.CASCADE, related_name="+")
    mode = models.CharField(_("who may comment"), max_length=10, choices=Mode.choices,
                            default=Mode.OPEN)  # fmt: skip
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        validators=[MaxValueValidator(36_500)],
        help_text=_("Days after a post is published; 0 keeps comments open."),
    )
    hold_first_comment = models.BooleanField(
        _("hold a first-time commenter's comment for approval"), default=True
    )
    max_links = models.PositiveSmallIntegerField(
        _("hold comments with more links than"),
        default=2,
        validators=[MaxValueValidator(100)],
    )

    objects = CommentSettingsQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment settings")
        verbose_name_plural = _("comment settings")

    def __str__(self) -> str:
        return f"{self.blog_id}: {self.mode}"
