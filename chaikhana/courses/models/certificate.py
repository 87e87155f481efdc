"""Certificates of attendance, each checkable by anyone through its public code."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.accounts.models import User
from chaikhana.courses.models.course import Course

# Base32 without the letters people confuse when they type a code from paper (I, L, O, 0, 1).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10  # 31**10 ≈ 8·10**14 codes: guessing one is hopeless at any request rate


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """The code as stored, from what someone typed: any case, spaces and dashes ignored."""
    return "".join(typed.split()).replace("-", "").upper()


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def for_user(self, user: User) -> CertificateQuerySet:
        return self.filter(user=user).select_related("course").order_by("-issued_at")

    def for_course(self, course: Course) -> CertificateQuerySet:
        return self.filter(course=course).select_related("user").order_by("name", "id")


class Certificate(models.Model):
    """Proof that a student attended a course; revoked, never deleted, so a code stays checkable."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="certificates")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="course_certificates",
    )
    # A guest is known by her email; the name is the one she chose when she registered.
    email = models.EmailField(_("email"), blank=True)
    name = models.CharField(_("name on the certificate"), max_length=150)
    code = models.CharField(max_length=16, unique=True, default=new_code, editable=False)
    sessions_attended = models.PositiveIntegerField()
    first_day = models.DateField()
    last_day = models.DateField()
    issued_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "user"],
                condition=Q(user__isnull=False),
                name="one_certificate_per_user_and_course",
            ),
            models.UniqueConstraint(
                Lower("email"),
                "course",
                condition=Q(user__isnull=True),
                name="one_certificate_per_guest_and_course",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(email=""),
                name="certificate_has_a_holder",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.course}"

    def get_absolute_url(self) -> str:
        return reverse("courses:certificate", args=[self.code])

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
