"""A blogger's post on its way to the portal: the submission, its sources, its timeline,
the private thread with the editors and the in-app notifications it sends."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chaikhana.blogs.models import Membership, Post
from chaikhana.portal import conf
from chaikhana.portal.models.roles import Section
from chaikhana.portal.workflow import CLOSED, State

if TYPE_CHECKING:
    from chaikhana.accounts.models import User

# A scheduled story still unpublished this long after its time is late (the task missed it).
SCHEDULE_GRACE = timedelta(minutes=15)


def late_q(now: datetime) -> models.Q:
    """The condition of a late submission, for filters, annotations and counts."""
    late = models.Q(state=State.SCHEDULED, story__published_at__lt=now - SCHEDULE_GRACE)
    for state, limit in conf.late_after().items():
        late |= models.Q(state=state, state_changed_at__lt=now - limit)
    return late


class SubmissionQuerySet(models.QuerySet["Submission"]):
    def open(self) -> SubmissionQuerySet:
        return self.exclude(state__in=CLOSED)

    def of_author(self, user: User) -> SubmissionQuerySet:
        return self.filter(author=user)

    def late(self, now: datetime | None = None) -> SubmissionQuerySet:
        """Waiting in its state longer than the desk allows (`portal.conf.late_after`)."""
        return self.filter(late_q(now or timezone.now()))

    def with_lateness(self, now: datetime) -> SubmissionQuerySet:
        """Annotate ``is_late``, so a board of cards marks late ones in its own query."""
        return self.annotate(
            is_late=models.Case(
                models.When(late_q(now), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )

    def for_desk(self) -> SubmissionQuerySet:
        """Everything a queue row shows, in a fixed number of queries."""
        return self.select_related(
            "section",
            "story",
            "original__blog",
            "author_membership",
            "assigned_editor",
            "assigned_checker",
        ).order_by("state_changed_at", "id")


class Submission(models.Model):
    original = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, related_name="portal_submissions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_submissions"
    )
    # Her pen name on the blog the post came from: the default byline.
    author_membership = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("section")
    )
    note = models.TextField(_("note to the editors"), blank=True, max_length=5000)
    # The call for contributions she answered, if any (portal/models/callouts.py).
    callout = models.ForeignKey(
        "portal.Callout",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("call for contributions"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.SUBMITTED
    )
    assigned_editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portal_edits",
        verbose_name=_("editor"),
    )
    assigned_checker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portal_checks",
        verbose_name=_("fact-checker"),
    )
    # The editors' copy: a Post in the portal blog, created when taken into review.
    story = models.OneToOneField(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="portal_submission"
    )
    # Shown instead of the pen name; only editors see who stands behind it (author).
    byline_pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    picked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portal_picks",
    )
    scheduled_for = models.DateTimeField(_("publish at"), null=True, blank=True)
    unpublished_at = models.DateTimeField(null=True, blank=True)
    unpublish_note = models.TextField(_("why it was withdrawn"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    state_changed_at = models.DateTimeField(default=timezone.now)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at", "-id"]
        constraints = [
            # Submitting twice is refused by the action; this catches the race.
            models.UniqueConstraint(
                fields=["original"],
                condition=~models.Q(state__in=sorted(CLOSED)),
                name="portal_one_open_submission_per_post",
            )
        ]
        indexes = [models.Index(fields=["state", "state_changed_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        post = self.story or self.original
        return post.title if post else str(_("(deleted post)"))

    @property
    def is_pseudonymous(self) -> bool:
        """Signed with a pseudonym: nothing public may join the story to her post or blog."""
        return bool(self.byline_pseudonym)

    @property
    def byline(self) -> str:
        if self.byline_pseudonym:
            return self.byline_pseudonym
        return self.author_membership.pen_name if self.author_membership else ""

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("portal:submission", kwargs={"pk": self.pk})


class Source(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(_("address"), blank=True, max_length=1000)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    # A private source (a person who spoke on condition of anonymity): editors only.
    private = models.BooleanField(_("private: editors only"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="", description=""), name="portal_source_not_empty"
            )
        ]

    def __str__(self) -> str:
        return self.url or self.description[:60]


class Transition(models.Model):
    """One step of a submission's timeline (an audit row; never edited)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class ThreadMessage(models.Model):
    """The private conversation between the editors and the author about one submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=10000)
    # Editors talking among themselves: never shown to the author.
    internal = models.BooleanField(_("internal: editors only"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class Notification(models.Model):
    """An in-app message to one person about one submission."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_notifications"
    )
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text
