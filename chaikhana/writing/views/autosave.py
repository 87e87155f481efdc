"""Autosave for the editor's script: JSON in, JSON out, never a 500 and never a redirect."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chaikhana.accounts.http import AuthedRequest
from chaikhana.blogs.access import access_blog_as_member, access_post
from chaikhana.blogs.actions import autosave_post, create_post
from chaikhana.blogs.models import Post
from chaikhana.core.errors import ActionError
from chaikhana.writing.forms.posts import AutosaveForm

View = Callable[..., HttpResponse]


def json_endpoint(view: View) -> View:
    """POST only, logged in, and every refusal as JSON the script can show."""

    @require_POST
    @wraps(view)
    def wrapper(request: AuthedRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return _error(_("Please log in again; your text is still in this page."), 403)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return _error(_("You may not edit this post."), 403)
        except Http404:
            return _error(_("There is no post here."), 404)
        except ActionError as err:
            return JsonResponse(
                {"errors": {err.field or "__all__": [str(err.message)]}}, status=400
            )

    return wrapper


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"errors": {"__all__": [message]}}, status=status)


def _invalid(form: AutosaveForm) -> JsonResponse:
    errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    return JsonResponse({"errors": errors}, status=400)


@json_endpoint
def post_autosave(request: AuthedRequest, blog: str, post_id: int) -> HttpResponse:
    the_blog, _membership = access_blog_as_member(request.user, blog)
    post = access_post(request.user, the_blog, post_id, for_edit=True)
    form = AutosaveForm(request.POST)
    if not form.is_valid():
        return _invalid(form)
    content = form.to_content(blog_language=the_blog.language, untitled=post.title)
    revision = autosave_post(post=post, by=request.user, content=content)
    return JsonResponse({"saved_at": timezone.localtime(revision.created_at).isoformat()})


@json_endpoint
def post_autosave_new(request: AuthedRequest, blog: str) -> HttpResponse:
    """The first autosave of a new post creates it as a draft, so closing the tab loses nothing."""
    the_blog, _membership = access_blog_as_member(request.user, blog)
    form = AutosaveForm(request.POST)
    if not form.is_valid():
        return _invalid(form)
    content = form.to_content(blog_language=the_blog.language, untitled=_("Untitled"))
    kind = form.cleaned_data["kind"] or Post.Kind.POST
    post = create_post(blog=the_blog, by=request.user, content=content, kind=kind)
    urls = {"blog": the_blog.name, "post_id": post.pk}
    return JsonResponse(
        {
            "post_id": post.pk,
            "edit_url": reverse("writing:post_edit", kwargs=urls),
            "autosave_url": reverse("writing:post_autosave", kwargs=urls),
            "version": post.version,
            "saved_at": timezone.localtime(post.updated_at).isoformat(),
        }
    )
