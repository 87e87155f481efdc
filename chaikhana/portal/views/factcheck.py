"""The fact-check page: the story's claims with verdicts, the checklist, what blocks "ready"."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.access import access_staff_submission
from chaikhana.portal.actions.factcheck import (
    add_claim,
    check_claim,
    ready_blockers,
    tick_checklist,
)
from chaikhana.portal.models import Checklist, Claim, Submission


class ClaimForm(forms.Form):
    text = forms.CharField(label=_("Claim to check"), max_length=2000, widget=forms.Textarea)


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=Claim.Verdict.choices)
    evidence = forms.CharField(
        label=_("Evidence"), required=False, max_length=5000, widget=forms.Textarea
    )
    sources = forms.TypedMultipleChoiceField(
        label=_("Sources"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, source_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choices built once per page: one query for every claim's source list.
        self.fields["sources"].choices = source_choices  # type: ignore[attr-defined]


class ChecklistForm(forms.Form):
    sources_verified = forms.BooleanField(label=_("Sources verified"), required=False)
    image_rights_cleared = forms.BooleanField(label=_("Image rights cleared"), required=False)
    right_of_reply_given = forms.BooleanField(label=_("Right of reply given"), required=False)
    no_hate_speech = forms.BooleanField(label=_("No hate speech"), required=False)


def _verdict_form(claim: Claim, choices: list[tuple[int, str]], data: Any = None) -> VerdictForm:
    initial = {
        "verdict": claim.verdict,
        "evidence": claim.evidence,
        "sources": [source.pk for source in claim.sources.all()],
    }
    return VerdictForm(data, initial=initial, prefix=f"claim-{claim.pk}", source_choices=choices)


def _render(
    request: AuthedRequest,
    submission: Submission,
    *,
    status: int = 200,
    claim_form: ClaimForm | None = None,
    bound: VerdictForm | None = None,
    bound_claim: int | None = None,
    checklist_form: ChecklistForm | None = None,
) -> HttpResponse:
    sources = list(submission.sources.all())
    choices = [(source.pk, str(source)) for source in sources]
    claims = submission.claims.prefetch_related("sources").select_related("checked_by")
    rows = [
        (claim, bound if claim.pk == bound_claim and bound else _verdict_form(claim, choices))
        for claim in claims
    ]
    checklist = (
        Checklist.objects.filter(submission=submission)
        .select_related(*(f"{item}_by" for item in Checklist.ITEMS))
        .first()
    )
    ticks = {item: bool(checklist and getattr(checklist, item)) for item in Checklist.ITEMS}
    form = checklist_form or ChecklistForm(initial=ticks)
    items = [
        (
            form[item],
            getattr(checklist, f"{item}_by", None) if checklist else None,
            getattr(checklist, f"{item}_at", None) if checklist else None,
        )
        for item in Checklist.ITEMS
    ]
    context = {
        "submission": submission,
        "rows": rows,
        "claim_form": claim_form or ClaimForm(),
        "checklist_form": form,
        "items": items,
        "blockers": ready_blockers(submission),
    }
    return render(request, "portal/factcheck.html", context, status=status)


@login_required
@otp_required_for_staff
def factcheck(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk)
    return _render(request, submission)


def _back(submission: Submission, anchor: str = "") -> HttpResponse:
    return redirect(reverse("portal:factcheck", kwargs={"pk": submission.pk}) + anchor)


@login_required
@otp_required_for_staff
@require_POST
def new_claim(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk)
    form = ClaimForm(request.POST)
    if form.is_valid():
        try:
            claim = add_claim(
                submission=submission, by=request.user, text=form.cleaned_data["text"]
            )
        except ActionError as refused:
            form.add_error("text", str(refused.message))
        else:
            return _back(submission, f"#claim-{claim.number}")
    return _render(request, submission, status=400, claim_form=form)


@login_required
@otp_required_for_staff
@require_POST
def verdict(request: AuthedRequest, pk: int, claim_pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk)
    claim = submission.claims.filter(pk=claim_pk).first()
    if claim is None:
        raise Http404
    choices = [(source.pk, str(source)) for source in submission.sources.all()]
    form = _verdict_form(claim, choices, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            check_claim(
                claim=claim,
                by=request.user,
                verdict=data["verdict"],
                evidence=data["evidence"],
                sources=list(submission.sources.filter(pk__in=data["sources"])),
            )
        except ActionError as refused:
            field = refused.field if refused.field in form.fields else None
            form.add_error(field, str(refused.message))
        else:
            return _back(submission, f"#claim-{claim.number}")
    return _render(request, submission, status=400, bound=form, bound_claim=claim.pk)


@login_required
@otp_required_for_staff
@require_POST
def checklist(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk)
    form = ChecklistForm(request.POST)
    if not form.is_valid():
        return _render(request, submission, status=400, checklist_form=form)
    current = Checklist.objects.filter(submission=submission).first()
    for item in Checklist.ITEMS:
        done = form.cleaned_data[item]
        # Only what changed: who ticked an item, and when, stays the first person's.
        if done != bool(current and getattr(current, item)):
            tick_checklist(submission=submission, by=request.user, item=item, done=done)
    return _back(submission, "#checklist")
