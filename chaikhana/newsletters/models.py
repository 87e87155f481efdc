"""Lists, subscriptions, issues and deliveries: mail for readers without an account.

A ``MailingList`` is what one subscribes to: a blog (the portal is the blog named ``portal``),
a portal section, or a tag across the network. A ``Subscription`` is one address on one list;
it is ``pending`` until the confirmation link is followed. An ``Issue`` is one thing sent to a
list (a post, or a day's or a week's digest); a ``Delivery`` is that issue for one subscriber,
unique per pair, so a restarted sender can never send it twice from the database's view.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog, Post
from chaikhana.portal.models import Section


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class MailingListQuerySet(models.QuerySet["MailingList"]):
    def of_blog(self, blog: Blog) -> MailingList | None:
        """The blog's list, if anyone ever subscribed."""
        return self.filter(kind=MailingList.Kind.BLOG, blog=blog).first()


class MailingList(models.Model):
    class Kind(models.TextChoices):
        BLOG = "blog", _("Blog")
        SECTION = "section", _("Portal section")
        TAG = "tag", _("Tag")

    kind = models.CharField(max_length=8, choices=Kind.choices)
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE, null=True, related_name="+")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, null=True, related_name="+")
    tag = models.SlugField(max_length=100, blank=True)
    # A tag's name where the first reader subscribed ("выборы" for "vybory"), as TagFollow does.
    name = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MailingListQuerySet.as_manager()

    class Meta:
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")
        constraints = [
            models.UniqueConstraint(
                fields=["blog"], condition=models.Q(kind="blog"), name="one_list_per_blog"
            ),
            models.UniqueConstraint(
                fields=["section"], condition=models.Q(kind="section"), name="one_list_per_section"
            ),
            models.UniqueConstraint(
                fields=["tag"], condition=models.Q(kind="tag"), name="one_list_per_tag"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.blog_id or self.section_id or self.tag}"

    @property
    def title(self) -> str:
        """What the reader subscribed to, as she saw it (a blog's title, never an account)."""
        if self.kind == self.Kind.BLOG and self.blog is not None:
            return self.blog.title
        if self.kind == self.Kind.SECTION and self.section is not None:
            return self.section.name
        return f"#{self.name or self.tag}"

    @property
    def list_id(self) -> str:
        """The left part of the List-Id (RFC 2919): stable and unique per list."""
        if self.kind == self.Kind.BLOG and self.blog is not None:
            return f"{self.blog.name}.blog"
        if self.kind == self.Kind.SECTION and self.section is not None:
            return f"{self.section.slug}.section"
        return f"{self.tag}.tag"


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def active(self) -> SubscriptionQuerySet:
        return self.filter(status=Subscription.Status.ACTIVE)

    def of_blog(self, blog: Blog) -> SubscriptionQuerySet:
        return self.filter(mailing_list__kind=MailingList.Kind.BLOG, mailing_list__blog=blog)

    def of_address(self, email: str) -> SubscriptionQuerySet:
        return self.filter(email__iexact=email.strip()).select_related(
            "mailing_list__blog", "mailing_list__section"
        )


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Frequency(models.TextChoices):
        EVERY_POST = "post", _("Every post")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")

    class Images(models.TextChoices):
        SMALL = "small", _("Small pictures")
        NONE = "none", _("No pictures")

    mailing_list = models.ForeignKey(
        MailingList, on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField(_("email address"), max_length=254)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    frequency = models.CharField(
        _("how often"), max_length=8, choices=Frequency.choices, default=Frequency.EVERY_POST
    )
    language = models.CharField(_("language of the messages"), max_length=8)
    images = models.CharField(
        _("pictures"), max_length=6, choices=Images.choices, default=Images.SMALL
    )
    # How the address came to be here: "confirmed by email", "imported by the owner from …".
    consent = models.CharField(max_length=300, blank=True)
    # The secret in every unsubscribe link; a new one on every subscription.
    secret = models.CharField(max_length=40, unique=True, default=new_secret)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mailing_list", "email"], name="subscribe_once"),
        ]
        indexes = [models.Index(fields=["mailing_list", "status", "frequency"])]

    def __str__(self) -> str:
        return f"{self.mailing_list_id}:{self.pk}"


class Suppression(models.Model):
    """An address that bounced hard or complained: never mailed again (a hash, not the address)."""

    address_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.reason


class PostMailing(models.Model):
    """A post its writer chose not to send by email (no row: it is sent)."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="+")
    send = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.post_id}:{self.send}"


class Issue(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("Post")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")

    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="issues")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, related_name="+")
    period_start = models.DateTimeField(null=True)
    period_end = models.DateTimeField(null=True)
    created_at = models.DateTimeField(default=timezone.now)
    queued_at = models.DateTimeField(null=True)  # every delivery row written

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "post"],
                condition=models.Q(kind="post"),
                name="one_issue_per_post",
            ),
            models.UniqueConstraint(
                fields=["mailing_list", "kind", "period_start"],
                condition=~models.Q(kind="post"),
                name="one_digest_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.pk}"

    @property
    def frequency(self) -> str:
        return self.kind  # the kinds and the subscribers' frequencies share their values


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def pending(self) -> DeliveryQuerySet:
        return self.filter(status=Delivery.Status.PENDING)

    def sent_since(self, moment: datetime) -> DeliveryQuerySet:
        return self.filter(status=Delivery.Status.SENT, sent_at__gte=moment)


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent")
        FAILED = "failed", _("Failed")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscription"], name="deliver_once"),
        ]
        indexes = [
            models.Index(fields=["status", "id"]),
            models.Index(fields=["status", "sent_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.issue_id}→{self.subscription_id}"


class DailyCount(models.Model):
    """Who joined and left a list each day: the owner's chart survives deleted addresses."""

    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    joined = models.PositiveIntegerField(default=0)
    left = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["mailing_list", "day"], name="one_count_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day}: +{self.joined} -{self.left}"
