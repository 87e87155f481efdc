"""/network/fediverse/: the staff's rules for whole remote servers (block, limit)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.federation import conf
from chaikhana.federation.actions.network import remove_instance_policy, set_instance_policy
from chaikhana.federation.forms import InstancePolicyForm
from chaikhana.federation.models import Follower, InstancePolicy
from chaikhana.network.access import staff_view
from chaikhana.network.views.common import staff_user


@staff_view
def servers(request: HttpRequest) -> HttpResponse:
    form = InstancePolicyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        set_instance_policy(
            host=data["host"], mode=data["mode"], note=data["note"], by=staff_user(request)
        )
        messages.success(request, _("The rule for %(host)s is saved.") % {"host": data["host"]})
        return redirect("federation_network:servers")
    context = {
        "form": form,
        "policies": InstancePolicy.objects.all(),
        "enabled": conf.site_enabled(),
        "followers": Follower.objects.accepted().count(),
        "section": "fediverse",
    }
    return render(request, "federation/servers.html", context, status=400 if form.errors else 200)


@staff_view
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    policy = get_object_or_404(InstancePolicy, pk=pk)
    remove_instance_policy(policy=policy, by=staff_user(request))
    messages.success(request, _("The rule for %(host)s is removed.") % {"host": policy.host})
    return redirect("federation_network:servers")
