"""A blog's media library: uploaded files, their resized renditions, and per-person quotas."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog

if TYPE_CHECKING:
    from chaikhana.accounts.models import User


class MediaFileQuerySet(models.QuerySet["MediaFile"]):
    def for_blog(self, blog: Blog) -> MediaFileQuerySet:
        return self.filter(blog=blog)

    def images(self) -> MediaFileQuerySet:
        return self.filter(kind=MediaFile.Kind.IMAGE)

    def search(self, text: str) -> MediaFileQuerySet:
        """Files whose name, description or caption contain *text* (any case)."""
        text = text.strip().casefold()
        # SQLite folds the case of ASCII letters only: Cyrillic is matched in a folded copy.
        return self.filter(search_text__contains=text) if text else self

    def for_listing(self) -> MediaFileQuerySet:
        """What the library and pages show, renditions included, in two queries."""
        return self.select_related("uploaded_by").prefetch_related("renditions")

    def bytes_used_by(self, user: User) -> int:
        """Bytes of originals *user* uploaded, on every blog: what her quota counts.

        Renditions are the network's choice (lighter pages), so they do not count.
        """
        return self.filter(uploaded_by=user).aggregate(total=Sum("size"))["total"] or 0


class MediaFile(models.Model):
    """One uploaded file of a blog, stored without metadata under a random name."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        AUDIO = "audio", _("Audio")
        PDF = "pdf", _("PDF document")

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="media_files")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="media_files",
    )
    file = models.FileField(max_length=255)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    content_type = models.CharField(max_length=40)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    is_animated = models.BooleanField(default=False)
    alt = models.CharField(_("description"), max_length=300, blank=True)
    caption = models.CharField(_("caption"), max_length=1000, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MediaFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("media file")
        verbose_name_plural = _("media files")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["blog", "-created_at"], name="media_blog_recent")]

    def __str__(self) -> str:
        return self.original_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = " ".join([self.original_name, self.alt, self.caption]).casefold()
        if (fields := kwargs.get("update_fields")) is not None:
            kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def token(self) -> str:
        """The random stem every stored name of this file (original, renditions) shares."""
        return PurePosixPath(self.file.name).stem


class Rendition(models.Model):
    """A smaller copy of an image in one format, made in the background after upload."""

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"

    media = models.ForeignKey(MediaFile, on_delete=models.CASCADE, related_name="renditions")
    format = models.CharField(max_length=4, choices=Format.choices)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.FileField(max_length=255)
    size = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["media", "width", "format"], name="one_rendition_per_width_format"
            )
        ]
        ordering = ["width"]

    def __str__(self) -> str:
        return f"{self.media_id} {self.width}w {self.format}"


class MediaQuota(models.Model):
    """A person's own storage allowance, when it differs from the network's default."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="media_quota",
    )
    bytes = models.PositiveBigIntegerField(_("bytes allowed"))

    class Meta:
        verbose_name = _("media quota")
        verbose_name_plural = _("media quotas")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.bytes}"
