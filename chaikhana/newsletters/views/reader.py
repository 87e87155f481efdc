"""A signed-in reader's subscriptions (those of her account's address), beside her follows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.newsletters.access import access_my_subscription
from chaikhana.newsletters.actions import unsubscribe, update_preferences
from chaikhana.newsletters.forms import PreferencesForm
from chaikhana.newsletters.models import Subscription


@login_required
def mine(request: AuthedRequest) -> HttpResponse:
    email = request.user.email
    subs = (
        list(
            Subscription.objects.of_address(email).exclude(status=Subscription.Status.UNSUBSCRIBED)
        )
        if email
        else []
    )
    rows = [(sub, PreferencesForm(instance=sub, prefix=f"s{sub.pk}")) for sub in subs]
    follows = {
        "blogs": request.user.blog_follows.count(),
        "tags": request.user.tag_follows.count(),
    }
    return render(request, "newsletters/mine.html", {"rows": rows, "follows": follows})


@login_required
@require_POST
def change(request: AuthedRequest, subscription_id: int) -> HttpResponse:
    sub = access_my_subscription(request.user, subscription_id)
    if "unsubscribe" in request.POST:
        unsubscribe(subscription=sub)
        messages.success(
            request, _("Unsubscribed from %(name)s.") % {"name": sub.mailing_list.title}
        )
        return redirect("newsletters:mine")
    form = PreferencesForm(request.POST, instance=sub, prefix=f"s{sub.pk}")
    if form.is_valid():
        update_preferences(subscription=sub, **form.cleaned_data)
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Choose how often, the language and the pictures again."))
    return redirect("newsletters:mine")
