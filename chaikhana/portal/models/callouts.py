"""Calls for contributions: the editors ask bloggers for reports on one subject by a deadline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.portal.models.roles import Section


class CalloutQuerySet(models.QuerySet["Callout"]):
    def open(self) -> CalloutQuerySet:
        return self.filter(published=True, deadline__gt=timezone.now()).order_by("deadline")


class Callout(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    body = models.TextField(_("what we are looking for"), max_length=5000)
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="callouts", verbose_name=_("section")
    )
    deadline = models.DateTimeField(_("deadline"))
    published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CalloutQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for contributions")
        verbose_name_plural = _("calls for contributions")
        ordering = ["-deadline"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.published and self.deadline > timezone.now()

    def get_absolute_url(self) -> str:
        return reverse("portal:callout", kwargs={"slug": self.slug})
