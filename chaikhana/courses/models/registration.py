"""Who is coming: registrations (a seat, a place on the waitlist, or an offer) and calendars."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.courses.models.session import SEAT_HOLDING, Session


def new_token() -> str:
    return secrets.token_urlsafe(24)


class GroupRegistration(models.Model):
    """One submission by an organisation naming several people: whom to write to about them."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="groups")
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group registration")
        verbose_name_plural = _("group registrations")

    def __str__(self) -> str:
        return self.organisation

    def get_absolute_url(self) -> str:
        return reverse("courses:group", args=[self.token])


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=Registration.Status.CANCELLED)

    def holding_seats(self) -> RegistrationQuerySet:
        return self.filter(status__in=SEAT_HOLDING)

    def waitlist(self) -> RegistrationQuerySet:
        """The waitlist in the order people joined it: first come, first promoted."""
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "id")

    def for_listing(self) -> RegistrationQuerySet:
        return self.select_related("session__course", "user", "group")


class Registration(models.Model):
    """One person's place in one session: by a signed-in user, a guest, or an organisation."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        OFFERED = "offered", _("Seat offered, awaiting confirmation")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="course_registrations",
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    group = models.ForeignKey(
        GroupRegistration,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="registrations",
    )
    status = models.CharField(max_length=12, choices=Status.choices)
    # The waitlist order; a default rather than auto_now_add so that tests and imports can set it.
    created_at = models.DateTimeField(default=timezone.now)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    # Kept by tutors and staff; students never see it (tutor/ pages only).
    tutor_note = models.TextField(_("private note"), max_length=2000, blank=True)
    # Recorded by staff when the fee is paid (reports compare it with the fees due).
    paid_amount = models.DecimalField(
        _("amount paid"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    # The secret link by which a guest (who has no account) confirms or cancels.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(user__isnull=False) & ~Q(status="cancelled"),
                name="one_active_registration_per_user",
                violation_error_message=_("You are already registered for this session."),
            ),
            models.UniqueConstraint(
                Lower("email"),
                "session",
                condition=Q(user__isnull=True) & ~Q(email="") & ~Q(status="cancelled"),
                name="one_active_registration_per_guest_email",
                violation_error_message=_("This email address is already registered."),
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""),
                name="registration_has_a_person",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="offer_has_an_expiry",
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("courses:registration", args=[self.token])

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        return self.user.public_name if self.user else ""

    @property
    def contact_email(self) -> str:
        """Where to write about this registration: hers, her account's, or her group's."""
        if self.email:
            return self.email
        if self.user is not None and self.user.email:
            return self.user.email
        return self.group.contact_email if self.group is not None else ""

    def waitlist_position(self) -> int | None:
        """1 for the next person to be offered a seat; None when not on the waitlist."""
        if self.status != self.Status.WAITLISTED:
            return None
        ahead = Registration.objects.waitlist().filter(session_id=self.session_id)
        ahead = ahead.filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, id__lt=self.pk)
        )
        return ahead.count() + 1


class Notice(models.Model):
    """A mail sent about a registration: one row per kind, so a retried task sends it once.

    The row is written in the transaction that sends the mail while the registration row is
    locked (actions/notices.py explains the at-least-once delivery this gives).
    """

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("Registration received")
        OFFER = "offer", _("Seat offered")
        REMINDER = "reminder", _("Reminder")
        SESSION_CANCELLED = "session-cancelled", _("Session cancelled")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="one_notice_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.registration_id}"


class StudentCalendar(models.Model):
    """A student's private calendar feed: a secret address her calendar app subscribes to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        verbose_name = _("student calendar")
        verbose_name_plural = _("student calendars")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("courses:calendar_feed", args=[self.token])
