"""Blog: the tenant every other row belongs to. Membership: who may do what on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.roles import Role
from chaikhana.blogs.validators import validate_blog_name
from chaikhana.core.onion import serving_onion

if TYPE_CHECKING:
    from chaikhana.accounts.models import User


class BlogQuerySet(models.QuerySet["Blog"]):
    def listed(self) -> BlogQuerySet:
        """Blogs shown in the directory, feeds of the network and search engines."""
        return self.filter(visibility=Blog.Visibility.PUBLIC, is_active=True)

    def readable_by(self, user: User | None) -> BlogQuerySet:
        """Blogs whose public pages *user* may open (unlisted ones by address)."""
        qs = self.filter(is_active=True)
        open_to_all = models.Q(visibility__in=[Blog.Visibility.PUBLIC, Blog.Visibility.UNLISTED])
        if user is None or not user.is_authenticated:
            return qs.filter(open_to_all)
        return qs.filter(open_to_all | models.Q(memberships__user=user)).distinct()

    def of_member(self, user: User) -> BlogQuerySet:
        return self.filter(memberships__user=user)


class Blog(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        UNLISTED = "unlisted", _("Unlisted: not in directories or search engines")
        PRIVATE = "private", _("Private: members only")

    class Theme(models.TextChoices):
        TEXT = "text", _("Journal: text first")
        PHOTO = "photo", _("Photo blog")
        MAGAZINE = "magazine", _("Magazine: news of a community")
        NOTEBOOK = "notebook", _("Notebook: minimal")

    class Width(models.TextChoices):
        THEME = "", _("As the theme has it")
        NARROW = "narrow", _("Narrow: one column for reading")
        WIDE = "wide", _("Wide: room for pictures")

    class ListLayout(models.TextChoices):
        THEME = "", _("As the theme has it")
        LIST = "list", _("A list, newest first")
        GRID = "grid", _("A grid of cards with pictures")

    name = models.CharField(
        _("address"),
        max_length=40,
        unique=True,
        validators=[validate_blog_name],
        help_text=_("Lowercase latin letters, digits and hyphens: /@address/"),
    )
    title = models.CharField(_("title"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, default=Theme.TEXT)
    # The theme's options (blogs/themes.py reads them; blogs/actions/looks.py writes them).
    accent_color = models.CharField(_("accent colour"), max_length=7, blank=True)
    header_image = models.CharField(_("header image"), max_length=500, blank=True)
    layout_width = models.CharField(
        _("layout width"), max_length=8, choices=Width.choices, blank=True, default=Width.THEME
    )
    list_layout = models.CharField(
        _("list of posts"),
        max_length=8,
        choices=ListLayout.choices,
        blank=True,
        default=ListLayout.THEME,
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    custom_css = models.TextField(_("custom CSS"), blank=True)
    posts_per_page = models.PositiveSmallIntegerField(_("posts per page"), default=10)
    # Off: feeds carry the summary and readers follow the link (some authors want the visit).
    feed_full_text = models.BooleanField(default=True, verbose_name=_("full text in feeds"))
    # WordPress's "Syndication feeds show the most recent" (10 by default): a longer feed costs
    # every poller its bytes on each change, a shorter one loses posts for weekly readers.
    feed_items = models.PositiveSmallIntegerField(
        _("posts in feeds"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    is_active = models.BooleanField(default=True)
    # The portal's blog: its posts are stories, written only through the desk's workflow
    # (chaikhana/portal), never by members in the dashboard or through the APIs.
    is_editorial = models.BooleanField(default=False, editable=False)
    # Set by the network's staff with is_active=False; the owner reads it in her dashboard.
    suspended_reason = models.CharField(_("why the blog is suspended"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BlogQuerySet.as_manager()

    class Meta:
        verbose_name = _("blog")
        verbose_name_plural = _("blogs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url("blogs:home")

    def url(self, viewname: str, **kwargs: object) -> str:
        """The address of one of this blog's pages, in path or subdomain mode."""
        if settings.BLOG_HOST_MODE == "subdomain" and not serving_onion():
            path = reverse(viewname, urlconf="chaikhana.urls_blog_host", kwargs=kwargs)
            return f"//{self.name}.{settings.BLOG_DOMAIN}{path}"
        return reverse(viewname, kwargs={"blog": self.name, **kwargs})

    @property
    def is_listed(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_blog(self, blog: Blog) -> MembershipQuerySet:
        return self.filter(blog=blog)


class Membership(models.Model):
    """A person's role on a blog and the name she writes under there."""

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    pen_name = models.CharField(
        _("author name on this blog"),
        max_length=100,
        help_text=_("Readers see this name. It need not be your username."),
    )
    slug = models.SlugField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["blog", "user"], name="one_membership_per_user"),
            models.UniqueConstraint(fields=["blog", "slug"], name="unique_author_slug_per_blog"),
        ]

    def __str__(self) -> str:
        return f"{self.pen_name} ({self.get_role_display()})"

    def get_absolute_url(self) -> str:
        return self.blog.url("blogs:author", slug=self.slug)
