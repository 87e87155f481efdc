"""A blog's categories: owners and editors add, rename, move and delete them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.actions import create_category, delete_category, update_category
from chaikhana.blogs.models import Blog, Category, Membership
from chaikhana.core.errors import ActionError
from chaikhana.writing import queries
from chaikhana.writing.access import access_blog_for_terms, access_category
from chaikhana.writing.forms.categories import CategoryForm


def _form(blog: Blog, data: object = None, category: Category | None = None) -> CategoryForm:
    choices = Category.objects.for_blog(blog).order_by("name")
    if category is None:
        return CategoryForm(data, categories=choices, prefix="new")
    return CategoryForm(
        data,
        categories=choices.exclude(pk=category.pk),
        prefix=f"c{category.pk}",
        initial={"name": category.name, "parent": category.parent_id},
    )


def _render(
    request: AuthedRequest,
    blog: Blog,
    membership: Membership,
    add_form: CategoryForm,
    bound: CategoryForm | None = None,
) -> HttpResponse:
    rows = [
        (
            c,
            depth,
            bound if bound is not None and bound.prefix == f"c{c.pk}" else _form(blog, None, c),
        )
        for c, depth in queries.category_tree(blog)
    ]
    return render(
        request,
        "writing/categories.html",
        {"blog": blog, "membership": membership, "rows": rows, "add_form": add_form},
    )


@login_required
def categories(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_for_terms(request.user, blog)
    form = _form(the_blog, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            create_category(blog=the_blog, by=request.user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("Category added."))
            return redirect("writing:categories", blog=the_blog.name)
    return _render(request, the_blog, membership, form)


@login_required
@require_POST
def category_edit(request: AuthedRequest, blog: str, category_id: int) -> HttpResponse:
    the_blog, membership = access_blog_for_terms(request.user, blog)
    category = access_category(the_blog, category_id)
    form = _form(the_blog, request.POST, category)
    if form.is_valid():
        try:
            update_category(category=category, by=request.user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("Category saved."))
            return redirect("writing:categories", blog=the_blog.name)
    return _render(request, the_blog, membership, _form(the_blog), bound=form)


@login_required
def category_delete(request: AuthedRequest, blog: str, category_id: int) -> HttpResponse:
    """Asks first (GET), deletes on POST."""
    the_blog, membership = access_blog_for_terms(request.user, blog)
    category = access_category(the_blog, category_id)
    if request.method != "POST":
        context = {"blog": the_blog, "membership": membership, "category": category}
        return render(request, "writing/category_delete.html", context)
    delete_category(category=category, by=request.user)
    messages.success(request, _("“%(name)s” was deleted.") % {"name": category.name})
    return redirect("writing:categories", blog=the_blog.name)
