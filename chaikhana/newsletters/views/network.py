"""/network/newsletters/: the hourly budget and the health of the sending queue (staff)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chaikhana.network.access import staff_view
from chaikhana.network.actions import update_network_settings
from chaikhana.newsletters import queries
from chaikhana.newsletters.actions.sending import per_hour


class BudgetForm(forms.Form):
    newsletter_per_hour = forms.IntegerField(
        label=gettext_lazy("Messages per hour, for the whole network"),
        min_value=1,
        max_value=1_000_000,
        help_text=gettext_lazy(
            "Stay inside your mail provider's limit. Messages over the "
            "budget wait for the next hour."
        ),
    )


@staff_view
def health(request: HttpRequest) -> HttpResponse:
    form = BudgetForm(request.POST or None, initial={"newsletter_per_hour": per_hour()})
    if request.method == "POST" and form.is_valid():
        update_network_settings(by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("The budget is saved."))
        return redirect("newsletters:health")
    figures = queries.queue_health(timezone.now() - timedelta(hours=1))
    return render(request, "newsletters/health.html", {"form": form, "figures": figures})
