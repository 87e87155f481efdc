"""CommentSettings: one blog's comment policy (who may comment, what waits for approval)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog


class CommentSettingsQuerySet(models.QuerySet["CommentSettings"]):
    def of(self, blog: Blog) -> CommentSettings:
        """The blog's policy; the defaults (unsaved) until its owner changes them."""
        return self.filter(blog=blog).first() or CommentSettings(blog=blog)


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
