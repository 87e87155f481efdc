"""The editors' story form: the draft copy before publication, a proposal on a live story."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.access import access_staff_submission
from chaikhana.portal.actions.stories import StoryEdit, edit_story
from chaikhana.portal.actions.submissions import set_section
from chaikhana.portal.forms import StoryForm
from chaikhana.portal.models import Section, StoryRevisionProposal, Submission


class StoryEditForm(StoryForm):
    section = forms.ModelChoiceField(
        label=gettext_lazy("Section"), queryset=Section.objects.all(), empty_label=None
    )
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, live: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if live:
            # A proposal carries the text only; the language of a live story stays.
            self.fields["language"].disabled = True
        else:
            del self.fields["correction_kind"], self.fields["correction_note"]


def _initial(submission: Submission) -> dict[str, Any]:
    story = submission.story
    assert story is not None
    return {
        "title": story.title,
        "excerpt": story.excerpt,
        "body_source": story.body_source,
        "base_version": story.version,
        "section": submission.section_id,
        "language": story.language,
    }


def _save(request: AuthedRequest, submission: Submission, data: dict[str, Any]) -> Any:
    edit = StoryEdit(
        title=data["title"],
        excerpt=data["excerpt"],
        body_source=data["body_source"],
        base_version=data["base_version"],
        correction_kind=data.get("correction_kind", ""),
        correction_note=data.get("correction_note", ""),
        language=data.get("language") or "",
    )
    result = edit_story(submission=submission, by=request.user, edit=edit)
    if data["section"].pk != submission.section_id:
        set_section(submission=submission, by=request.user, section=data["section"])
    return result


@login_required
@otp_required_for_staff
def edit(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk, editors_only=True)
    story = submission.story
    if story is None:
        messages.error(request, _("Take the submission into review first."))
        return redirect(submission)
    live = story.is_public
    form = StoryEditForm(request.POST or None, initial=_initial(submission), live=live)
    if request.method == "POST" and form.is_valid():
        try:
            result = _save(request, submission, form.cleaned_data)
        except ActionError as refused:
            field = refused.field if refused.field in form.fields else None
            form.add_error(field, str(refused.message))
        else:
            if isinstance(result, StoryRevisionProposal):
                messages.success(request, _("Your revision waits for an editor's approval."))
            return redirect(submission)
    status = 400 if form.errors else 200
    context = {"submission": submission, "story": story, "form": form, "live": live}
    return render(request, "portal/story_edit.html", context, status=status)
