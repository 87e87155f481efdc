"""Fetch + permission in one call for the portal's views (404 for strangers)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.portal import permissions
from chaikhana.portal.models import Source, Submission, ThreadMessage
from chaikhana.portal.workflow import Actor


def access_submission(user: User, pk: int) -> tuple[Submission, set[Actor]]:
    """The submission and who *user* is for it; 404 (not 403) so ids reveal nothing."""
    submission = (
        Submission.objects.select_related(
            "section", "original__blog", "story__blog", "author_membership", "author"
        )
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        raise Http404
    found = permissions.actors(user, submission)
    if not found:
        raise Http404
    return submission, found


def visible_messages(submission: Submission, found: set[Actor]) -> QuerySet[ThreadMessage]:
    messages = submission.messages.select_related("author")
    return messages if permissions.is_staff_for(found) else messages.filter(internal=False)


def visible_sources(submission: Submission, found: set[Actor]) -> QuerySet[Source]:
    sources = submission.sources.all()
    return sources if permissions.is_staff_for(found) else sources.filter(private=False)


def access_staff_submission(
    user: User, pk: int, *, editors_only: bool = False
) -> tuple[Submission, set[Actor]]:
    """The submission for its desk staff: 404 for strangers, 403 for the author and others."""
    submission, found = access_submission(user, pk)
    allowed = permissions.is_editor(found) if editors_only else permissions.is_staff_for(found)
    if not allowed:
        raise PermissionDenied(
            _("Only this submission's editors may do this.")
            if editors_only
            else _("Only the editors and fact-checkers may do this.")
        )
    return submission, found
