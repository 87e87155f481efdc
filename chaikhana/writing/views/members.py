"""A blog's members: the owner adds people, changes their roles, removes them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.blogs.actions import add_member, change_member, remove_member
from chaikhana.blogs.models import Blog, Membership
from chaikhana.core.errors import ActionError
from chaikhana.writing.access import access_member
from chaikhana.writing.forms.members import MemberAddForm, MemberChangeForm


def _change_form(member: Membership, data: object = None) -> MemberChangeForm:
    return MemberChangeForm(
        data,  # type: ignore[arg-type]
        prefix=f"m{member.pk}",
        initial={"role": member.role, "pen_name": member.pen_name},
    )


def _render(
    request: AuthedRequest,
    blog: Blog,
    membership: Membership,
    add_form: MemberAddForm,
    bound: MemberChangeForm | None = None,
) -> HttpResponse:
    members = blog.memberships.select_related("user").order_by("pen_name")
    rows = [
        (m, bound if bound is not None and bound.prefix == f"m{m.pk}" else _change_form(m))
        for m in members
    ]
    return render(
        request,
        "writing/members.html",
        {"blog": blog, "membership": membership, "rows": rows, "add_form": add_form},
    )


@login_required
def members(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_for_manage(request.user, blog)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = add_member(
                blog=the_blog,
                by=request.user,
                user=form.cleaned_data["username"],
                role=form.cleaned_data["role"],
                pen_name=form.cleaned_data["pen_name"],
            )
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("%(name)s joined the blog.") % {"name": added.pen_name})
            return redirect("writing:members", blog=the_blog.name)
    return _render(request, the_blog, membership, form)


@login_required
@require_POST
def member_change(request: AuthedRequest, blog: str, member_id: int) -> HttpResponse:
    the_blog, membership = access_blog_for_manage(request.user, blog)
    member = access_member(the_blog, member_id)
    form = _change_form(member, request.POST)
    if form.is_valid():
        try:
            change_member(membership=member, by=request.user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("writing:members", blog=the_blog.name)
    return _render(request, the_blog, membership, MemberAddForm(), bound=form)


@login_required
def member_remove(request: AuthedRequest, blog: str, member_id: int) -> HttpResponse:
    """Asks first (GET), removes on POST."""
    the_blog, membership = access_blog_for_manage(request.user, blog)
    member = access_member(the_blog, member_id)
    if request.method != "POST":
        context = {"blog": the_blog, "membership": membership, "member": member}
        return render(request, "writing/member_remove.html", context)
    try:
        remove_member(membership=member, by=request.user)
    except ActionError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("%(name)s left the blog.") % {"name": member.pen_name})
    return redirect("writing:members", blog=the_blog.name)
