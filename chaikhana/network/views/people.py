"""People: search, one person's page, and what staff may do to an account."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core.models import BlogLimit
from chaikhana.media.quota import quota_bytes
from chaikhana.network import actions
from chaikhana.network.access import access_person, staff_view
from chaikhana.network.forms import (
    BlogLimitForm,
    DeleteForm,
    PeopleFilterForm,
    QuotaForm,
    ReasonForm,
)
from chaikhana.network.models import PendingDeletion, Suspension
from chaikhana.network.views.common import (
    deletion_confirmed,
    filter_query,
    reason_given,
    run,
    staff_user,
)

STATES: dict[str, Q] = {
    "active": Q(is_active=True),
    "suspended": Q(is_active=False),
    "staff": Q(is_staff=True),
}


@staff_view
def people(request: HttpRequest) -> HttpResponse:
    form = PeopleFilterForm(request.GET or None)
    qs = User.objects.annotate(blog_count=Count("memberships")).order_by("username")
    if form.is_valid():
        if q := form.cleaned_data["q"].strip():
            qs = qs.filter(
                Q(username__icontains=q) | Q(display_name__icontains=q) | Q(email__iexact=q)
            )
        state = form.cleaned_data["state"]
        if state == "deleting":
            qs = qs.filter(pk__in=PendingDeletion.objects.filter(kind="user").values("object_id"))
        elif state in STATES:
            qs = qs.filter(STATES[state])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": filter_query(form), "section": "people"}
    return render(request, "network/people.html", context)


@staff_view
def person(request: HttpRequest, pk: int) -> HttpResponse:
    the_person = access_person(request.user, pk)
    limit = BlogLimit.objects.filter(user=the_person).values_list("blogs", flat=True).first()
    return render(
        request,
        "network/person.html",
        {
            "person": the_person,
            "blogs": Blog.objects.of_member(the_person).order_by("name"),
            "suspension": Suspension.objects.filter(user=the_person).first(),
            "deletion": PendingDeletion.objects.filter(kind="user", object_id=pk).first(),
            "quota": quota_bytes(the_person),
            "reason_form": ReasonForm(),
            "delete_form": DeleteForm(),
            "quota_form": QuotaForm(),
            "limit_form": BlogLimitForm(initial={"blogs": limit}),
            "section": "people",
        },
    )


def _target(request: HttpRequest, pk: int) -> tuple[User, User]:
    return access_person(request.user, pk), staff_user(request)


@staff_view
@require_POST
def suspend(request: HttpRequest, pk: int) -> HttpResponse:
    the_person, by = _target(request, pk)
    if (why := reason_given(request)) is not None:
        run(request, lambda: actions.suspend_user(user=the_person, by=by, reason=why),
            _("The account is suspended."))  # fmt: skip
    return redirect("network:person", pk=pk)


@staff_view
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    the_person, by = _target(request, pk)
    if (why := deletion_confirmed(request)) is not None:
        run(request, lambda: actions.delete_user(user=the_person, by=by, reason=why),
            _("The account will be deleted in 30 days unless restored."))  # fmt: skip
    return redirect("network:person", pk=pk)


@staff_view
@require_POST
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    the_person, by = _target(request, pk)
    run(request, lambda: actions.restore_user(user=the_person, by=by),
        _("The account is restored."))  # fmt: skip
    return redirect("network:person", pk=pk)


def _not_a_number(request: HttpRequest) -> None:
    messages.error(request, _("Type a whole number from 0, or leave the field empty."))


@staff_view
@require_POST
def set_quota(request: HttpRequest, pk: int) -> HttpResponse:
    the_person, by = _target(request, pk)
    form = QuotaForm(request.POST)
    if not form.is_valid():
        _not_a_number(request)
    else:
        mb = form.cleaned_data["megabytes"]
        run(request, lambda: actions.set_quota(user=the_person, by=by, megabytes=mb),
            _("The storage allowance is saved."))  # fmt: skip
    return redirect("network:person", pk=pk)


@staff_view
@require_POST
def set_blog_limit(request: HttpRequest, pk: int) -> HttpResponse:
    the_person, by = _target(request, pk)
    form = BlogLimitForm(request.POST)
    if not form.is_valid():
        _not_a_number(request)
    else:
        n = form.cleaned_data["blogs"]
        run(request, lambda: actions.set_blog_limit(user=the_person, by=by, blogs=n),
            _("The blog limit is saved."))  # fmt: skip
    return redirect("network:person", pk=pk)
