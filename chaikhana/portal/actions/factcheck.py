"""Fact-checking: claims with verdicts, the checklist, and what still blocks "ready"."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.core.errors import ActionError
from chaikhana.portal import permissions
from chaikhana.portal.models import Checklist, Claim, Source, Submission

_MISSING = {
    "sources_verified": lambda: _("sources not verified"),
    "image_rights_cleared": lambda: _("image rights not cleared"),
    "right_of_reply_given": lambda: _("right of reply not given"),
    "no_hate_speech": lambda: _("not checked for hate speech"),
}


def ready_blockers(submission: Submission) -> list[str]:
    """Everything that keeps the story from "ready", each in words an editor can act on."""
    blockers = [
        _("Claim %(number)d is marked false") % {"number": number}
        for number in submission.claims.filter(verdict=Claim.Verdict.FALSE)
        .order_by("number")
        .values_list("number", flat=True)
    ]
    checklist = Checklist.objects.filter(submission=submission).first()
    for item in Checklist.ITEMS:
        if checklist is None or not getattr(checklist, item):
            blockers.append(_MISSING[item]())
    return blockers


def _require_checker(submission: Submission, by: User) -> None:
    if not permissions.is_staff_for(permissions.actors(by, submission)):
        raise PermissionDenied(_("Only the editors and fact-checkers check facts."))


@transaction.atomic
def add_claim(*, submission: Submission, by: User, text: str) -> Claim:
    """Note a checkable claim of the story; numbered in order for the desk's messages."""
    _require_checker(submission, by)
    if not text.strip():
        raise ActionError(_("Write the claim to check."), field="text")
    Submission.objects.select_for_update().filter(pk=submission.pk).first()
    last = submission.claims.aggregate(n=Max("number"))["n"] or 0
    return Claim.objects.create(submission=submission, number=last + 1, text=text.strip())


@transaction.atomic
def check_claim(
    *, claim: Claim, by: User, verdict: str, evidence: str, sources: list[Source]
) -> Claim:
    """Record a verdict with its evidence; sources must belong to the same submission."""
    _require_checker(claim.submission, by)
    if verdict not in Claim.Verdict.values:
        raise ActionError(_("Choose a verdict."), field="verdict")
    if any(source.submission_id != claim.submission_id for source in sources):
        raise ActionError(_("Cite only this submission's sources."), field="sources")
    claim.verdict, claim.evidence = verdict, evidence.strip()
    claim.checked_by, claim.checked_at = by, timezone.now()
    claim.save()
    claim.sources.set(sources)
    return claim


@transaction.atomic
def tick_checklist(*, submission: Submission, by: User, item: str, done: bool) -> Checklist:
    """Tick or untick one item, remembering who and when."""
    _require_checker(submission, by)
    if item not in Checklist.ITEMS:
        raise ActionError(_("There is no such checklist item."))
    checklist, _created = Checklist.objects.select_for_update().get_or_create(submission=submission)
    setattr(checklist, item, done)
    setattr(checklist, f"{item}_by", by if done else None)
    setattr(checklist, f"{item}_at", timezone.now() if done else None)
    checklist.updated_at = timezone.now()
    checklist.save()
    return checklist
