"""Sessions: one meeting of a course, at a place or online, for a number of people."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.courses import conf
from chaikhana.courses.models.course import Course

# A seat is held by a confirmed registration and by an open offer (waiting for its answer).
SEAT_HOLDING = ("confirmed", "offered")
# What a calendar event shows; changing any of them is a new revision of the event.
CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "place", "online_url", "status")


class SessionQuerySet(models.QuerySet["Session"]):
    def scheduled(self) -> SessionQuerySet:
        return self.filter(status=Session.Status.SCHEDULED)

    def upcoming(self, now: datetime | None = None) -> SessionQuerySet:
        return self.scheduled().filter(starts_at__gt=now or timezone.now())

    def with_seats(self) -> SessionQuerySet:
        """Annotate ``seats_taken`` and ``seats_left`` (one query for a whole list)."""
        taken = Count("registrations", filter=Q(registrations__status__in=SEAT_HOLDING))
        return self.annotate(seats_taken=taken, seats_left=F("capacity") - taken)

    def for_listing(self) -> SessionQuerySet:
        return self.with_seats().select_related("course").order_by("starts_at", "id")


class Session(models.Model):
    """One meeting of a course. Times are stored in UTC and shown in settings.TIME_ZONE."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), validators=[MinValueValidator(1)], help_text=_("Seats in all.")
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    cancel_deadline = models.DateTimeField(
        _("students may cancel until"),
        null=True,
        blank=True,
        help_text=_("Leave empty for one day before the start."),
    )
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    # RFC 5545 §3.8.7.4: calendar apps replace their copy of an event only when SEQUENCE grows.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="session_has_a_seat",
                violation_error_message=_("A session needs at least one seat."),
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return self.title or self.course.title

    def get_absolute_url(self) -> str:
        return reverse("courses:session", args=[self.pk])

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None and self._schedule_changed():
            self.sequence += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "sequence"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def _schedule_changed(self) -> bool:
        """True when a field a calendar shows (time, place, link, status) differs from the row."""
        stored = Session.objects.filter(pk=self.pk).values(*CALENDAR_FIELDS).first()
        return stored is not None and any(
            stored[name] != getattr(self, name) for name in CALENDAR_FIELDS
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def has_started(self, now: datetime | None = None) -> bool:
        return self.starts_at <= (now or timezone.now())

    def effective_cancel_deadline(self) -> datetime:
        return self.cancel_deadline or self.starts_at - timedelta(hours=conf.cancel_hours())
