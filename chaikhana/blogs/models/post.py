"""Post: the one content model (blog posts, pages, and later portal stories), its revisions
and the old slugs that still lead to it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models.blog import Blog, Membership
from chaikhana.blogs.models.terms import Category, Tag
from chaikhana.blogs.roles import READS_PRIVATE_POSTS
from chaikhana.core.markup import html_to_text, render_markdown, sanitize_html

if TYPE_CHECKING:
    from chaikhana.accounts.models import User

# About 50,000 words: far beyond a long read, and small enough that rendering even
# pathological Markdown (thousands of unclosed brackets) at save takes seconds, not minutes.
MAX_BODY_CHARS = 300_000
SUMMARY_WORDS = 55
# What render() derives body_html, summary, cover image and word count from.
RENDERED_FROM = ("body_source", "body_format", "excerpt")
_FIRST_IMG_SRC = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", re.IGNORECASE)


def render_body(source: str, body_format: str) -> str:
    """A post's served HTML from its source: what a save stores, and the editor previews."""
    if body_format == Post.Format.HTML:
        return sanitize_html(source)
    return render_markdown(source)


class PostQuerySet(models.QuerySet["Post"]):
    def for_blog(self, blog: Blog) -> PostQuerySet:
        return self.filter(blog=blog)

    def in_listed_blogs(self) -> PostQuerySet:
        """Posts of the blogs the network shows: unlisted and private blogs stay out of sight."""
        return self.filter(blog__in=Blog.objects.listed())

    def posts(self) -> PostQuerySet:
        return self.filter(kind=Post.Kind.POST)

    def pages(self) -> PostQuerySet:
        return self.filter(kind=Post.Kind.PAGE)

    def published(self) -> PostQuerySet:
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())

    def readable_by(self, user: User | None, membership: Membership | None) -> PostQuerySet:
        """What a reader may open on a blog whose pages she can already see.

        Everyone: published posts. Owners and editors: private posts too; authors
        and contributors: their own private posts.
        """
        visible = models.Q(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())
        if membership is not None:
            private = models.Q(status=Post.Status.PRIVATE)
            if membership.role not in READS_PRIVATE_POSTS:
                private &= models.Q(author=membership)
            visible |= private
        return self.filter(visible)

    def in_categories(self, category_ids: set[int]) -> PostQuerySet:
        """Posts filed under any of *category_ids*, each once: an IN over the join table
        rather than a join + DISTINCT, which would compare every column, bodies included."""
        filed = Post.categories.through.objects.filter(category_id__in=category_ids)
        return self.filter(pk__in=filed.values("post_id"))

    def for_listing(self) -> PostQuerySet:
        """Everything a list of posts shows, in a fixed number of queries."""
        return (
            self.select_related("blog", "author")
            .prefetch_related("categories", "tags")
            .defer("body_source")
            .order_by("-published_at", "-id")
        )

    def due(self) -> PostQuerySet:
        """Scheduled posts whose time has come."""
        return self.filter(status=Post.Status.SCHEDULED, published_at__lte=timezone.now())


class Post(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("Post")
        PAGE = "page", _("Page")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Pending review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        PRIVATE = "private", _("Private")

    class Format(models.TextChoices):
        MARKDOWN = "markdown", _("Markdown")
        HTML = "html", _("HTML")

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="posts")
    # The author's membership of this blog (pen name, role), never her account: a blog's
    # pages must not lead to the person's other blogs or username.
    author = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="posts"
    )
    byline = models.CharField(_("byline"), max_length=100, blank=True)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.POST)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=False)
    # True while the slug follows the title: a draft's address changes with its title until
    # someone sets one by hand or the post is published.
    slug_from_title = models.BooleanField(default=True, editable=False)
    body_source = models.TextField(_("text"), blank=True, max_length=MAX_BODY_CHARS)
    body_format = models.CharField(max_length=10, choices=Format.choices, default=Format.MARKDOWN)
    body_html = models.TextField(blank=True, editable=False)
    excerpt = models.TextField(_("excerpt"), blank=True, max_length=1000)
    summary = models.TextField(blank=True, editable=False)
    cover_image = models.CharField(max_length=500, blank=True, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publish time"), null=True, blank=True)
    categories = models.ManyToManyField(
        Category, blank=True, related_name="posts", verbose_name=_("categories")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name=_("tags"))
    # Bumped by every save; an editor submits the version it started from (edit conflicts).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["blog", "slug"], name="unique_post_slug_per_blog")
        ]
        indexes = [
            models.Index(fields=["blog", "kind", "status", "-published_at"]),
            models.Index(fields=["status", "-published_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        # A status move saves a few columns: re-rendering a long text for it would be wasted.
        fields = kwargs.get("update_fields")
        if fields is None or set(RENDERED_FROM) & set(fields):  # type: ignore[call-overload]
            self.render()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def render(self) -> None:
        """Derive the served HTML, summary and cover image from the source (once, at save)."""
        self.body_html = render_body(self.body_source, self.body_format)
        text = html_to_text(self.body_html)
        self.word_count = len(text.split())
        self.summary = self.excerpt.strip() or Truncator(text).words(SUMMARY_WORDS, truncate="…")
        match = _FIRST_IMG_SRC.search(self.body_html)
        self.cover_image = match.group(1)[:500] if match else ""

    def get_absolute_url(self) -> str:
        return self.blog.url("blogs:post", slug=self.slug)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and bool(
            self.published_at and self.published_at <= timezone.now()
        )


class Revision(models.Model):
    """A saved state of a post: every save, autosave and conflict keeps one."""

    class Kind(models.TextChoices):
        SAVE = "save", _("Saved")
        AUTOSAVE = "autosave", _("Autosaved")
        CONFLICT = "conflict", _("Kept from an edit conflict")
        RESTORE = "restore", _("Restored")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SAVE)
    title = models.CharField(max_length=200)
    body_source = models.TextField(blank=True)
    body_format = models.CharField(max_length=10, choices=Post.Format.choices)
    excerpt = models.TextField(blank=True)
    post_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["post", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.created_at:%Y-%m-%d %H:%M})"


class SlugRedirect(models.Model):
    """An old address of a post, answered with 301 to the current one."""

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    old_slug = models.CharField(max_length=100)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="old_slugs")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blog", "old_slug"], name="unique_old_slug_per_blog")
        ]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.post.slug}"
