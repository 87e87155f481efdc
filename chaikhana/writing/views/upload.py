"""Uploading from the editor: with JS off (the whole editor form comes back, text kept) or on.

The editor's upload button posts the editor form here (``formaction``), so nothing typed is
lost: the file is stored, ``![description](url)`` is appended to the text, and the editor is
shown again with everything as sent. The JSON variant answers editor-media.js, which inserts
the Markdown at the cursor. The editor's, so writing's: writing sits above media and uses it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from chaikhana.accounts.models import User
from chaikhana.blogs.access import access_post
from chaikhana.blogs.models import Blog, Category, Membership
from chaikhana.core.errors import ActionError
from chaikhana.media.access import access_library
from chaikhana.media.actions import upload_media
from chaikhana.media.conf import ALT_CHARS, max_upload_bytes
from chaikhana.media.uploads import SizeCapUploadHandler
from chaikhana.writing.forms.posts import PostForm
from chaikhana.writing.media import ALT, FILE, markdown_for
from chaikhana.writing.views.editor import Editor


def _store(request: HttpRequest, blog: Blog, cap: SizeCapUploadHandler) -> tuple[str, str]:
    """(markdown, "") after an upload, or ("", the reason it failed)."""
    uploaded = request.FILES.get(FILE)
    alt = request.POST.get(ALT, "").strip()[: ALT_CHARS + 1]
    if cap.too_large:
        return "", _("This file is bigger than %(max)s, the largest that can be uploaded.") % {
            "max": filesizeformat(max_upload_bytes())
        }
    if not isinstance(uploaded, UploadedFile):
        return "", _("Choose a file to upload.")
    user: User = request.user  # type: ignore[assignment]
    try:
        media = upload_media(blog=blog, by=user, uploaded_file=uploaded, alt=alt)
    except ActionError as err:
        return "", str(err.message)
    return markdown_for(media.url, media.alt), ""


@csrf_exempt  # upload handlers must be set before CSRF reads the body: protected below
@login_required
def editor_upload(request: HttpRequest, blog: str, as_json: bool = False) -> HttpResponse:
    cap = SizeCapUploadHandler(max_upload_bytes(), request)
    request.upload_handlers = [cap, *request.upload_handlers]
    return _editor_upload(request, blog, cap, as_json)


@csrf_protect
def _editor_upload(
    request: HttpRequest, blog: str, cap: SizeCapUploadHandler, as_json: bool
) -> HttpResponse:
    the_blog, membership = access_library(request.user, blog)  # type: ignore[arg-type]
    if request.method != "POST":
        return redirect("writing:post_new", blog=the_blog.name)
    markdown, error = _store(request, the_blog, cap)
    if as_json:
        if error:
            return JsonResponse({"error": error}, status=400)
        return JsonResponse({"markdown": markdown})
    return _editor_again(request, the_blog, membership, markdown, error)


def _editor_again(
    request: HttpRequest, blog: Blog, membership: Membership, markdown: str, error: str
) -> HttpResponse:
    data = request.POST.copy()
    if markdown:
        text = data.get("body_source", "").rstrip()
        data["body_source"] = f"{text}\n\n{markdown}\n" if text else f"{markdown}\n"
        messages.success(request, _("The file was uploaded and added at the end of the text."))
    else:
        messages.error(request, error)
    post_id = request.GET.get("post", "")
    user: User = request.user  # type: ignore[assignment]
    post = access_post(user, blog, int(post_id), for_edit=True) if post_id.isdigit() else None
    categories = Category.objects.for_blog(blog).order_by("name")
    form = PostForm(data, membership=membership, categories=categories)
    return Editor(request, blog, membership, post).render(form)  # type: ignore[arg-type]
