"""A story's versions in other languages: the editors see them all and link another."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.access import access_staff_submission
from chaikhana.portal.addresses import post_at
from chaikhana.portal.forms import TranslationForm
from chaikhana.portal.translations import link_translation, linked


@login_required
@otp_required_for_staff
def translations(request: AuthedRequest, pk: int) -> HttpResponse:
    submission, _found = access_staff_submission(request.user, pk, editors_only=True)
    story = submission.story
    if story is None:
        raise Http404(_("This submission has no story yet."))
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        other = post_at(form.cleaned_data["translation"])
        if other is None:
            form.add_error("translation", _("There is no portal story at that address."))
        else:
            try:
                status = form.cleaned_data["status"]
                link_translation(story=story, translation=other, by=request.user, status=status)
            except ActionError as refused:
                form.add_error("translation", str(refused.message))
            except PermissionDenied as refused:  # she does not edit the other story's section
                form.add_error("translation", str(refused))
            else:
                messages.success(request, _("The versions are linked."))
                return redirect("portal:translations", pk=submission.pk)
    context = {"submission": submission, "story": story, "form": form, "linked": linked(story)}
    return render(request, "portal/translations.html", context, status=400 if form.errors else 200)
