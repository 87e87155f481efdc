"""Sections of the portal and the network-level roles of its staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from chaikhana.accounts.models import User


class SectionQuerySet(models.QuerySet["Section"]):
    def edited_by(self, user: User) -> SectionQuerySet:
        return self.filter(
            editor_roles__user=user, editor_roles__role=PortalRole.Role.SECTION_EDITOR
        )


class Section(models.Model):
    """A desk of the portal (Politics, Environment…) with its own editors."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # A section that also shows the community's unedited posts, clearly labelled.
    community_stream = models.BooleanField(_("community stream"), default=False)

    objects = SectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class PortalRole(models.Model):
    """A network-level editorial role. Every signed-in blogger may contribute without one."""

    class Role(models.TextChoices):
        EDITOR_IN_CHIEF = "editor_in_chief", _("Editor-in-chief")
        SECTION_EDITOR = "section_editor", _("Section editor")
        FACT_CHECKER = "fact_checker", _("Fact-checker")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    sections = models.ManyToManyField(
        Section, blank=True, related_name="editor_roles", verbose_name=_("sections")
    )
    # What readers see on her comments and notes: empty means "The editors". Her username
    # never shows; the same on each of her roles (actions/staff.py sets them together).
    display_name = models.CharField(_("name readers see"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("portal role")
        verbose_name_plural = _("portal roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="portal_one_role_of_a_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
