"""Calls for contributions: the public list and page of each, and the editors' form."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.accounts.twofactor.decorators import otp_required_for_staff
from chaikhana.core.errors import ActionError
from chaikhana.portal.actions.callouts import publish_callout
from chaikhana.portal.models import Callout, Section


class CalloutForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("What you are looking for"), max_length=5000, widget=forms.Textarea
    )
    section = forms.ModelChoiceField(queryset=Section.objects.all(), label=_("Section"))
    deadline = forms.DateTimeField(
        label=_("Deadline"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


def callouts(request: HttpRequest) -> HttpResponse:
    context = {"callouts": Callout.objects.open().select_related("section")}
    return render(request, "portal/callouts.html", context)


def callout(request: HttpRequest, slug: str) -> HttpResponse:
    found = Callout.objects.filter(slug=slug, published=True).select_related("section").first()
    if found is None:
        raise Http404
    return render(request, "portal/callout.html", {"callout": found})


@login_required
@otp_required_for_staff
def new_callout(request: AuthedRequest) -> HttpResponse:
    form = CalloutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = publish_callout(by=request.user, **form.cleaned_data)
        except ActionError as refused:
            form.add_error(
                refused.field if refused.field in form.fields else None, str(refused.message)
            )
        else:
            return redirect(created)
    status = 400 if form.errors else 200
    return render(request, "portal/callout_form.html", {"form": form}, status=status)
