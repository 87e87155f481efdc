"""Creating a blog and changing its settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_for_manage
from chaikhana.blogs.actions import create_blog, update_blog
from chaikhana.blogs.actions.blogs import BLOG_SETTINGS
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.writing.forms.blogs import BlogCreateForm, BlogSettingsForm


@login_required
def blog_create(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = BlogCreateForm(
        request.POST or None,
        initial={"pen_name": user.display_name, "language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            blog = create_blog(owner=user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("Your blog is ready. Write its first post!"))
            return redirect("writing:posts", blog=blog.name)
    return render(request, "writing/blog_create.html", {"form": form})


@login_required
def blog_settings(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_for_manage(request.user, blog)
    form = BlogSettingsForm(request.POST or None, initial=_settings_of(the_blog))
    if request.method == "POST" and form.is_valid():
        try:
            update_blog(blog=the_blog, by=request.user, **form.cleaned_data)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("Settings saved."))
            return redirect("writing:blog_settings", blog=the_blog.name)
    return render(
        request,
        "writing/blog_settings.html",
        {"blog": the_blog, "membership": membership, "form": form},
    )


def _settings_of(blog: Blog) -> dict[str, object]:
    return {name: getattr(blog, name) for name in BLOG_SETTINGS}
