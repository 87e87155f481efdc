"""Courses, the people who teach them, and the materials students read."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chaikhana.core.markup import render_markdown

if TYPE_CHECKING:
    from chaikhana.accounts.models import User


class TutorProfile(models.Model):
    """How a tutor appears in public: her chosen name and a bio, never her username."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tutor_profile"
    )
    display_name = models.CharField(_("name shown to students"), max_length=100)
    bio = models.TextField(_("bio"), max_length=3000, blank=True)
    bio_html = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("tutor profile")
        verbose_name_plural = _("tutor profiles")

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.bio_html = render_markdown(self.bio)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("courses:tutor", args=[self.user_id])


class CourseQuerySet(models.QuerySet["Course"]):
    def published(self) -> CourseQuerySet:
        return self.filter(is_published=True)

    def for_audience(self, audience: str) -> CourseQuerySet:
        field = Course.AUDIENCE_FIELDS.get(audience)
        return self.filter(**{field: True}) if field else self

    def taught_by(self, user: User | int | None) -> CourseQuerySet:
        return self.filter(tutors=user)


class Course(models.Model):
    """A course, workshop or event the school offers; it runs as one or more sessions."""

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    class Topic(models.TextChoices):
        JOURNALISM = "journalism", _("Journalism")
        ETHICS = "ethics", _("Media ethics")
        SOCIAL_MEDIA = "social-media", _("Social media")
        SAFETY = "safety", _("Digital safety")
        PHOTO_VIDEO = "photo-video", _("Photo and video")
        COMMUNITY = "community", _("Community events")

    class Audience(models.TextChoices):
        BLOGGERS = "bloggers", _("Bloggers")
        JOURNALISTS = "journalists", _("Journalists")
        NGOS = "ngos", _("NGOs")

    class Currency(models.TextChoices):
        KGS = "KGS", _("Kyrgyz som (KGS)")
        USD = "USD", _("US dollar (USD)")
        EUR = "EUR", _("Euro (EUR)")
        RUB = "RUB", _("Russian rouble (RUB)")
        KZT = "KZT", _("Kazakh tenge (KZT)")

    AUDIENCE_FIELDS: ClassVar[dict[str, str]] = {
        "bloggers": "for_bloggers",
        "journalists": "for_journalists",
        "ngos": "for_ngos",
    }

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    description_html = models.TextField(editable=False, blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    tutors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="courses_taught",
        blank=True,
        verbose_name=_("tutors"),
    )
    # Three columns rather than a list: every database filters booleans with an index.
    for_bloggers = models.BooleanField(_("for bloggers"), default=False)
    for_journalists = models.BooleanField(_("for journalists"), default=False)
    for_ngos = models.BooleanField(_("for NGOs"), default=False)
    fee_amount = models.DecimalField(
        _("fee"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Leave empty for a free course."),
    )
    fee_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, blank=True
    )
    materials_for_enrolled_only = models.BooleanField(
        _("materials for enrolled students only"), default=True
    )
    is_published = models.BooleanField(_("published"), default=False)
    sessions_required_for_certificate = models.PositiveIntegerField(
        _("sessions needed for a certificate"),
        null=True,
        blank=True,
        help_text=_("Leave empty to require every session that was not cancelled."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title"]
        constraints = [
            # A fee is an amount *and* a currency, or neither (free).
            models.CheckConstraint(
                condition=(models.Q(fee_amount__isnull=True) & models.Q(fee_currency=""))
                | (models.Q(fee_amount__gt=0) & ~models.Q(fee_currency="")),
                name="course_fee_has_currency",
                violation_error_message=_("A fee needs both an amount and a currency."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.description_html = render_markdown(self.description)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "description" in update_fields:  # type: ignore[operator]
            kwargs["update_fields"] = {*update_fields, "description_html"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("courses:course", args=[self.slug])

    @property
    def is_free(self) -> bool:
        return self.fee_amount is None

    @property
    def audiences(self) -> list[str]:
        """The audience labels, in the order the form lists them."""
        return [
            str(label)
            for value, label in self.Audience.choices
            if getattr(self, self.AUDIENCE_FIELDS[value])
        ]


def material_upload_to(material: Material, filename: str) -> str:
    # Files are served through a view that checks enrolment, under a name that carries no id.
    return f"courses/materials/{material.course_id}/{filename}"


class Material(models.Model):
    """A reading for a course: a Markdown page, a file, or both."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    file = models.FileField(_("file"), upload_to=material_upload_to, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(body="") | ~models.Q(file=""),
                name="material_has_text_or_file",
                violation_error_message=_("A material needs a text or a file."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)  # type: ignore[arg-type]
