"""The editor: new posts and pages, editing, preview, and edit conflicts."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs import permissions
from chaikhana.blogs.access import access_blog_as_member, access_post
from chaikhana.blogs.actions import EditConflict, save_requested_post
from chaikhana.blogs.models import Blog, Category, Membership, Post
from chaikhana.core.errors import ActionError
from chaikhana.writing import queries
from chaikhana.writing.forms.posts import PostForm, initial_for
from chaikhana.writing.views.preview import preview_html


def _form(
    request: AuthedRequest, blog: Blog, membership: Membership, initial: Mapping[str, object]
) -> PostForm:
    return PostForm(
        request.POST if request.method == "POST" else None,
        membership=membership,
        categories=Category.objects.for_blog(blog).order_by("name"),
        initial=initial,
    )


@login_required
def post_new(request: AuthedRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    kind = request.POST.get("kind") or request.GET.get("kind")
    kind = Post.Kind.PAGE if kind == Post.Kind.PAGE else Post.Kind.POST
    if not permissions.can_write(membership, kind):
        raise PermissionDenied(_("Only the blog's owners and editors may add pages."))
    initial = {"kind": kind, "language": the_blog.language, "status": Post.Status.DRAFT}
    form = _form(request, the_blog, membership, initial)
    editor = Editor(request, the_blog, membership, None)
    return editor.handle(form) if request.method == "POST" else editor.render(form)


@login_required
def post_edit(request: AuthedRequest, blog: str, post_id: int) -> HttpResponse:
    the_blog, membership = access_blog_as_member(request.user, blog)
    post = access_post(request.user, the_blog, post_id, for_edit=True)
    initial = {} if request.method == "POST" else initial_for(post)
    form = _form(request, the_blog, membership, initial)
    editor = Editor(request, the_blog, membership, post)
    return editor.handle(form) if request.method == "POST" else editor.render(form)


class Editor:
    """One request to the editor page: save, preview, or show the form again."""

    def __init__(
        self, request: AuthedRequest, blog: Blog, membership: Membership, post: Post | None
    ) -> None:
        self.request, self.blog, self.membership, self.post = request, blog, membership, post

    def handle(self, form: PostForm) -> HttpResponse:
        if "preview" in self.request.POST:
            source = self.request.POST.get("body_source", "")
            body_format = self.post.body_format if self.post else Post.Format.MARKDOWN
            return self.render(form, preview=preview_html(self.request, source, body_format))
        if not form.is_valid():
            return self.render(form)
        try:
            saved = save_requested_post(
                blog=self.blog,
                by=self.request.user,
                request=form.to_request(),
                post=self.post,
                base_version=form.cleaned_data["base_version"],
            )
        except EditConflict as conflict:
            return self.render(self._after_conflict(conflict), conflict=conflict)
        except ActionError as err:
            form.add_error(err.field, str(err.message))
            return self.render(form)
        messages.success(self.request, _("Saved."))
        return redirect("writing:post_edit", blog=self.blog.name, post_id=saved.pk)

    def _after_conflict(self, conflict: EditConflict) -> PostForm:
        # She has now seen both versions: saving again from here is her informed choice.
        data = self.request.POST.copy()
        data["base_version"] = str(conflict.current.version)
        form = PostForm(
            data,
            membership=self.membership,
            categories=Category.objects.for_blog(self.blog).order_by("name"),
        )
        form.is_valid()
        form.add_error(None, str(conflict.message))
        return form

    def render(
        self, form: PostForm, *, preview: str | None = None, conflict: EditConflict | None = None
    ) -> HttpResponse:
        post = self.post
        autosave = None
        if post is not None and self.request.method == "GET":
            autosave = queries.newer_autosave(post, self.request.user)
        context = {
            "blog": self.blog,
            "membership": self.membership,
            "post": post,
            "form": form,
            "preview": preview,
            "conflict": conflict,
            "autosave": autosave,
            "is_page": form["kind"].value() == Post.Kind.PAGE,
        }
        return render(self.request, "writing/editor.html", context)
