"""The per-blog media library in the dashboard: list, search, upload, describe, delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_safe

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.core.errors import ActionError
from chaikhana.media import cards, permissions
from chaikhana.media.access import access_library, access_media, access_shared_post
from chaikhana.media.actions import delete_media, update_media, upload_media
from chaikhana.media.conf import max_upload_bytes
from chaikhana.media.forms import DescribeForm, UploadForm
from chaikhana.media.models import MediaFile
from chaikhana.media.quota import quota_bytes
from chaikhana.media.uploads import SizeCapUploadHandler
from chaikhana.media.usage import posts_using

PER_PAGE = 48


def _render_library(
    request: HttpRequest, blog: Blog, membership: Membership, form: UploadForm
) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    query = request.GET.get("q", "").strip()
    files = MediaFile.objects.for_blog(blog).search(query).for_listing()
    page = Paginator(files, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "blog": blog,
        "membership": membership,
        "form": form,
        "page": page,
        "query": query,
        "used": MediaFile.objects.bytes_used_by(user),
        "quota": quota_bytes(user),
        "max_upload": max_upload_bytes(),
    }
    return render(request, "media/library.html", context, status=400 if form.errors else 200)


@login_required
def library(request: HttpRequest, blog: str) -> HttpResponse:
    the_blog, membership = access_library(request.user, blog)  # type: ignore[arg-type]
    return _render_library(request, the_blog, membership, UploadForm())


@csrf_exempt  # upload handlers must be set before CSRF reads the body: protected below
@login_required
def upload(request: HttpRequest, blog: str) -> HttpResponse:
    cap = SizeCapUploadHandler(max_upload_bytes(), request)
    request.upload_handlers = [cap, *request.upload_handlers]
    return _upload(request, blog, cap)


@csrf_protect
def _upload(request: HttpRequest, blog: str, cap: SizeCapUploadHandler) -> HttpResponse:
    the_blog, membership = access_library(request.user, blog)  # type: ignore[arg-type]
    if request.method != "POST":
        return redirect("media:library", blog=the_blog.name)
    form = UploadForm(request.POST, request.FILES)
    if cap.too_large:
        form.add_error(
            "file",
            _("This file is bigger than %(max)s, the largest that can be uploaded.")
            % {"max": filesizeformat(max_upload_bytes())},
        )
    elif form.is_valid():
        try:
            media = upload_media(
                blog=the_blog,
                by=request.user,  # type: ignore[arg-type]
                uploaded_file=form.cleaned_data["file"],
                alt=form.cleaned_data["alt"],
                caption=form.cleaned_data["caption"],
            )
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("“%(name)s” was uploaded.") % {"name": media})
            return redirect("media:library", blog=the_blog.name)
    return _render_library(request, the_blog, membership, form)


@login_required
def edit(request: HttpRequest, blog: str, media_id: int) -> HttpResponse:
    the_blog, membership, media = access_media(request.user, blog, media_id)  # type: ignore[arg-type]
    may_change = permissions.can_change_media(membership, media)
    initial = {"alt": media.alt, "caption": media.caption}
    form = DescribeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_media(media=media, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except ActionError as err:
            form.add_error(err.field, str(err.message))
        else:
            messages.success(request, _("The description was saved."))
            return redirect("media:library", blog=the_blog.name)
    context = {
        "blog": the_blog,
        "membership": membership,
        "media": media,
        "form": form,
        "may_change": may_change,
        "posts": list(posts_using(media)),
    }
    return render(request, "media/edit.html", context, status=400 if form.errors else 200)


@login_required
def delete(request: HttpRequest, blog: str, media_id: int) -> HttpResponse:
    the_blog, membership, media = access_media(
        request.user,  # type: ignore[arg-type]
        blog,
        media_id,
        for_change=True,
    )
    if request.method == "POST":
        delete_media(media=media, by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("“%(name)s” was deleted.") % {"name": media})
        return redirect("media:library", blog=the_blog.name)
    posts = list(posts_using(media))
    context = {
        "blog": the_blog,
        "membership": membership,
        "media": media,
        "posts": posts,
        "published": [p for p in posts if p.status == Post.Status.PUBLISHED],
    }
    return render(request, "media/delete.html", context)


@require_safe
def title_card(request: HttpRequest, post: int, digest: str) -> HttpResponse:
    """A post's title card (media/cards.py); an old title's address leads to the new card."""
    found = access_shared_post(post)
    current = cards.card_digest(found)
    if digest != current:
        return redirect(cards.card_url(found))
    response = HttpResponse(cards.stored_card(found, current), content_type="image/png")
    # The address changes with the title, so a card never changes under it.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
