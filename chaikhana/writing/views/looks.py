"""The theme picker: a blog's theme and options, with a screenshot and a preview of each."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.blogs.actions import set_blog_look
from chaikhana.blogs.themes import THEMES
from chaikhana.core.errors import ActionError
from chaikhana.writing.forms.looks import BlogLookForm

OPTIONS = ("theme", "accent_color", "header_image", "layout_width", "list_layout")


@login_required
def blog_theme(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_for_manage(request.user, blog)
    initial = {name: getattr(the_blog, name) for name in OPTIONS}
    form = BlogLookForm(request.POST or None, initial=initial, blog=the_blog)
    if request.method == "POST" and form.is_valid():
        try:
            set_blog_look(blog=the_blog, by=request.user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("The blog's new look is saved."))
            return redirect("writing:blog_theme", blog=the_blog.name)
    context = {
        "blog": the_blog,
        "membership": membership,
        "form": form,
        "themes": [(theme, form["theme"][i]) for i, theme in enumerate(THEMES.values())],
    }
    return render(request, "writing/blog_theme.html", context)
