"""Comment: a reader's reply to a post or page, or to another comment (threaded)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.comments.markup import render_comment

if TYPE_CHECKING:
    from chaikhana.accounts.models import User

# A hard ceiling in the database; the form's (smaller, configurable) cap gives the message.
MAX_SOURCE_CHARS = 100_000


def _by_member() -> models.Exists:
    members = Membership.objects.filter(
        blog_id=models.OuterRef("blog_id"), user_id=models.OuterRef("author_id")
    )
    return models.Exists(members)


def _member_pen_name() -> models.Subquery:
    members = Membership.objects.filter(
        blog_id=models.OuterRef("blog_id"), user_id=models.OuterRef("author_id")
    )
    return models.Subquery(members.values("pen_name")[:1])


class CommentQuerySet(models.QuerySet["Comment"]):
    def for_blog(self, blog: Blog) -> CommentQuerySet:
        return self.filter(blog=blog)

    def with_shown_names(self) -> CommentQuerySet:
        """Each comment with ``member_name``: her pen name today when she is a member of the
        blog (see Comment.shown_name)."""
        return self.annotate(member_name=_member_pen_name())

    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def thread_of(
        self, post: Post, *, user: User | None = None, own_ids: frozenset[int] = frozenset()
    ) -> CommentQuerySet:
        """A post's comments as one reader sees them, in one query.

        Approved comments, plus her own pending ones: by account when signed in, by the
        ids in her signed cookie when a guest. ``by_member``: written by one of the blog's
        members while signed in, so the page can mark it as the writers' own.
        """
        mine = models.Q(pk__in=own_ids)
        if user is not None and user.is_authenticated:
            mine |= models.Q(author=user)
        visible = models.Q(status=Comment.Status.APPROVED) | (
            mine & models.Q(status=Comment.Status.PENDING)
        )
        return (
            self.filter(post=post)
            .filter(visible)
            .defer("body_source", "email")
            .annotate(by_member=_by_member())
            .with_shown_names()
            .order_by("created_at", "id")
        )

    def for_queue(self) -> CommentQuerySet:
        """The moderation queue's rows: each with its post, in a fixed number of queries."""
        return self.select_related("post__blog", "blog").order_by("-created_at", "-id")


class Comment(models.Model):
    class Status(models.TextChoices):
        APPROVED = "approved", _("Approved")
        PENDING = "pending", _("Waiting for approval")
        SPAM = "spam", _("Spam")
        TRASH = "trash", _("Trash")

    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    # The name shown: a guest's typed name, or a member's pen name / a user's display name
    # when she commented. Never a username. Kept when the account goes.
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)  # never shown; replies by mail
    website = models.URLField(_("website"), blank=True, max_length=300)
    body_source = models.TextField(_("comment"), max_length=MAX_SOURCE_CHARS)
    body_html = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    spam_score = models.FloatField(default=0.0)
    notify_replies = models.BooleanField(_("email me replies"), default=False)
    reply_mail_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["post", "status", "created_at"]),
            models.Index(fields=["blog", "status", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.body_source[:40]}"

    @property
    def shown_name(self) -> str:
        """The name public pages show: a member's pen name on this blog as it is today, never
        the name stored when she commented — her account-wide display name, if she joined
        later, or a pen name she has since changed would tie her other names to this blog.
        Needs ``with_shown_names()``; without it, the stored name."""
        return getattr(self, "member_name", None) or self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.render()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def render(self) -> None:
        """Derive the served HTML from the source (once, at save)."""
        self.body_html = render_comment(self.body_source)

    def get_absolute_url(self) -> str:
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"
