"""The blog owner's subscribers: figures, the list, export, import, removal."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.core.errors import ActionError
from chaikhana.newsletters import queries
from chaikhana.newsletters.access import (
    access_blog_subscribers,
    access_post_mailing,
    access_subscriber,
)
from chaikhana.newsletters.actions import list_for_blog, remove_subscriber, set_post_mailing
from chaikhana.newsletters.actions.imports import import_subscribers
from chaikhana.newsletters.chart import line_chart
from chaikhana.newsletters.forms import ImportForm
from chaikhana.newsletters.models import MailingList, Subscription

PER_PAGE = 50


@login_required
def subscribers(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_subscribers(request.user, blog)
    ml = MailingList.objects.of_blog(the_blog)
    series = queries.subscribers_by_day(ml)
    subs = Subscription.objects.of_blog(the_blog).order_by("-created_at", "pk")
    page = Paginator(subs, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "blog": the_blog,
        "membership": membership,
        "series": series,
        "chart": line_chart(series),
        "page": page,
        "active": subs.filter(status=Subscription.Status.ACTIVE).count(),
        "import_form": ImportForm(),
    }
    return render(request, "newsletters/subscribers.html", context)


@login_required
def export_csv(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, _membership = access_blog_subscribers(request.user, blog)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{the_blog.name}-subscribers.csv"'
    writer = csv.writer(response)
    writer.writerow(["email", "status", "frequency", "language", "subscribed_at", "consent"])
    rows = Subscription.objects.of_blog(the_blog).exclude(status=Subscription.Status.UNSUBSCRIBED)
    for sub in rows.order_by("pk").iterator():
        writer.writerow(
            [
                sub.email,
                sub.status,
                sub.frequency,
                sub.language,
                (sub.confirmed_at or sub.created_at).isoformat(),
                sub.consent,
            ]
        )
    return response


@login_required
@require_POST
def import_csv(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_subscribers(request.user, blog)
    form = ImportForm(request.POST, request.FILES)
    report = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_subscribers(
                mailing_list=list_for_blog(blog=the_blog),
                data=upload.read(),
                by=request.user,
                source=upload.name,
                language=the_blog.language,
            )
        except ActionError as err:
            form.add_error("file", str(err.message))
    context = {"blog": the_blog, "membership": membership, "form": form, "report": report}
    return render(request, "newsletters/import.html", context, status=200 if report else 400)


@login_required
@require_POST
def remove(request: AuthedRequest, blog: str, subscription_id: int) -> HttpResponse:
    the_blog, _membership = access_blog_subscribers(request.user, blog)
    sub = access_subscriber(the_blog, subscription_id)
    remove_subscriber(subscription=sub, by=request.user)
    messages.success(
        request, _("%(email)s is removed and will get nothing more.") % {"email": sub.email}
    )
    return redirect("newsletters:subscribers", blog=the_blog.name)


@login_required
@require_POST
def post_mailing(request: AuthedRequest, blog: str, post_id: int) -> HttpResponse:
    post = access_post_mailing(request.user, blog, post_id)
    send = request.POST.get("send") == "1"
    set_post_mailing(post=post, send=send, by=request.user)
    if send:
        messages.success(request, _("This post will be sent by email when it is published."))
    else:
        messages.success(request, _("This post will not be sent by email."))
    return redirect("writing:post_edit", blog=post.blog.name, post_id=post.pk)
