"""What a reader follows: whole blogs, and tags across the network (by slug).

A followed tag is network-wide: "#vybory" means posts tagged ``vybory`` in any listed
blog, whichever blog's tag page she followed it from (one concept, one row; scoping a tag
to one blog can come later as a nullable ``blog`` column without changing the river).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog


class BlogFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blog_follows"
    )
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed blog")
        verbose_name_plural = _("followed blogs")
        ordering = ["blog__title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "blog"], name="follow_blog_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.blog_id}"


class TagFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_follows"
    )
    slug = models.SlugField(_("tag"), max_length=100)
    # The tag's name where she followed it ("выборы" for "vybory"): slugs are transliterated.
    name = models.CharField(_("name"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed tag")
        verbose_name_plural = _("followed tags")
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["user", "slug"], name="follow_tag_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → #{self.slug}"

    @property
    def label(self) -> str:
        return f"#{self.name or self.slug}"
