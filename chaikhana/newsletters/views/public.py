"""A stranger's pages: subscribe, confirm, unsubscribe. No account, no JavaScript needed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from chaikhana.comments.origin import sent_from_our_page
from chaikhana.core.errors import ActionError
from chaikhana.core.ratelimit import request_address_hash
from chaikhana.newsletters.access import access_list_to_join, access_unsubscribe
from chaikhana.newsletters.actions import confirm_subscription, request_subscription, unsubscribe
from chaikhana.newsletters.forms import SubscribeForm
from chaikhana.newsletters.mail import list_page


def _form_page(request: HttpRequest, form: SubscribeForm, status: int = 200) -> HttpResponse:
    return render(request, "newsletters/subscribe.html", {"form": form}, status=status)


# The form sits on pages the cache shares between readers, so it cannot carry a CSRF token.
# A forged subscription costs its victim one confirmation message (double opt-in); the
# browser's own Sec-Fetch-Site/Origin headers refuse other sites' forms (comments/origin.py).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        initial = {"kind": request.GET.get("kind", "blog"), "target": request.GET.get("target")}
        return _form_page(request, SubscribeForm(initial=initial))
    form = SubscribeForm(request.POST)
    # In subdomain mode a blog's page (<blog>.BLOG_DOMAIN) posts here, to the network's host:
    # the browser calls that "same-site", which is ours too.
    same_site = request.headers.get("Sec-Fetch-Site") == "same-site"
    if not (same_site or sent_from_our_page(request, blog_name=None)):
        form.add_error(None, _refused_origin())
        return _form_page(request, form, status=403)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    data = form.cleaned_data
    mailing_list = access_list_to_join(data["kind"], data["target"])
    context = {"list": mailing_list, "list_url": list_page(mailing_list), "email": data["email"]}
    if data["website"]:  # the honeypot: a robot sees the same page, and nothing happens
        return render(request, "newsletters/check_mail.html", context)
    try:
        request_subscription(
            mailing_list=mailing_list,
            email=data["email"],
            frequency=data["frequency"],
            language=data["language"],
            images=data["images"],
            address_hash=request_address_hash(request),
        )
    except ActionError as err:
        form.add_error(None, str(err.message))
        return _form_page(request, form, status=429)
    return render(request, "newsletters/check_mail.html", context)


def _refused_origin() -> str:
    from django.utils.translation import gettext as _

    return _("This form was sent from another site. Subscribe from our own page, below.")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links; they must not subscribe anyone)."""
    if request.method == "GET":
        return render(request, "newsletters/confirm.html", {"token": token})
    try:
        sub = confirm_subscription(token=token)
    except ActionError as err:
        return render(request, "newsletters/confirm.html", {"error": err.message}, status=400)
    context = {"list": sub.mailing_list, "list_url": list_page(sub.mailing_list), "done": True}
    return render(request, "newsletters/confirm.html", context)


# Mail programs POST the one-click unsubscribe (RFC 8058) with no cookie and no token: the
# secret in the address is the proof.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, secret: str) -> HttpResponse:
    try:
        sub = access_unsubscribe(secret)
    except Http404 as err:  # forged, mistyped, or deleted after the grace period: say which
        return render(request, "newsletters/unsubscribe.html", {"error": str(err)}, status=404)
    if request.method == "POST":
        unsubscribe(subscription=sub)
    context = {"subscription": sub, "list": sub.mailing_list, "done": request.method == "POST"}
    return render(request, "newsletters/unsubscribe.html", context)
