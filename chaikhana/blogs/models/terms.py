"""Categories (hierarchical) and tags, each belonging to one blog."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models.blog import Blog


class TermQuerySet(models.QuerySet):
    def for_blog(self, blog: Blog) -> TermQuerySet:
        return self.filter(blog=blog)


class Category(models.Model):
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent category"),
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["blog", "slug"], name="unique_category_slug_per_blog")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.blog.url("blogs:category", slug=self.slug)

    def ancestors(self) -> list[Category]:
        """Parents from the root down, guarding against a cycle in bad data."""
        chain: list[Category] = []
        node = self.parent
        while node is not None and node not in chain and len(chain) < 20:
            chain.insert(0, node)
            node = node.parent
        return chain


class Tag(models.Model):
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["blog", "slug"], name="unique_tag_slug_per_blog")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.blog.url("blogs:tag", slug=self.slug)
