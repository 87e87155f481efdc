"""Blogs: search, one blog's page, and one view for each thing staff may do to a blog."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership
from chaikhana.network import actions
from chaikhana.network.access import access_any_blog, staff_view
from chaikhana.network.forms import BlogFilterForm, DeleteForm, ReasonForm
from chaikhana.network.models import PendingDeletion
from chaikhana.network.views.common import (
    deletion_confirmed,
    filter_query,
    reason_given,
    run,
    staff_user,
)


@staff_view
def blogs(request: HttpRequest) -> HttpResponse:
    form = BlogFilterForm(request.GET or None)
    qs = Blog.objects.order_by("name")
    if form.is_valid():
        if q := form.cleaned_data["q"].strip():
            qs = qs.filter(Q(name__icontains=q) | Q(title__icontains=q))
        state = form.cleaned_data["state"]
        if state == "deleting":
            qs = qs.filter(pk__in=PendingDeletion.objects.filter(kind="blog").values("object_id"))
        elif state:
            qs = qs.filter(is_active=state == "active")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": filter_query(form), "section": "blogs"}
    return render(request, "network/blogs.html", context)


@staff_view
def blog(request: HttpRequest, pk: int) -> HttpResponse:
    the_blog = access_any_blog(request.user, pk)
    return render(
        request,
        "network/blog.html",
        {
            "blog": the_blog,
            "members": Membership.objects.for_blog(the_blog).select_related("user"),
            "deletion": PendingDeletion.objects.filter(kind="blog", object_id=pk).first(),
            "reason_form": ReasonForm(),
            "delete_form": DeleteForm(),
            "section": "blogs",
        },
    )


def _target(request: HttpRequest, pk: int) -> tuple[Blog, User]:
    return access_any_blog(request.user, pk), staff_user(request)


@staff_view
@require_POST
def suspend(request: HttpRequest, pk: int) -> HttpResponse:
    the_blog, by = _target(request, pk)
    if (why := reason_given(request)) is not None:
        run(request, lambda: actions.suspend_blog(blog=the_blog, by=by, reason=why),
            _("The blog is suspended."))  # fmt: skip
    return redirect("network:blog", pk=pk)


@staff_view
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    the_blog, by = _target(request, pk)
    if (why := deletion_confirmed(request)) is not None:
        run(request, lambda: actions.delete_blog(blog=the_blog, by=by, reason=why),
            _("The blog will be deleted in 30 days unless restored."))  # fmt: skip
    return redirect("network:blog", pk=pk)


@staff_view
@require_POST
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    the_blog, by = _target(request, pk)
    run(request, lambda: actions.restore_blog(blog=the_blog, by=by), _("The blog is restored."))
    return redirect("network:blog", pk=pk)
