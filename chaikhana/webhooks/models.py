"""Subscriptions (a blog's, or the network's when ``blog`` is empty) and their deliveries.

The signing secret is kept in clear: it signs every delivery and its owner copies it into
the receiving app. The payload is stored as the exact bytes sent, so a retry carries the
same body, id and signature input.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Blog


class EndpointQuerySet(models.QuerySet["Endpoint"]):
    def for_blog(self, blog: Blog | None) -> EndpointQuerySet:
        return self.filter(blog=blog) if blog is not None else self.filter(blog__isnull=True)


class Endpoint(models.Model):
    blog = models.ForeignKey(
        Blog, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField(_("address"), max_length=500)
    description = models.CharField(_("description"), max_length=100, blank=True)
    events = models.CharField(max_length=300)  # space-separated names from events.EVENTS
    secret = models.CharField(max_length=100, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = EndpointQuerySet.as_manager()

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.url

    @property
    def event_list(self) -> list[str]:
        return self.events.split()


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    message_id = models.CharField(max_length=40, unique=True)
    event = models.CharField(max_length=40)
    body = models.BinaryField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["endpoint", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id} ({self.status})"
