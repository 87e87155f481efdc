"""The dashboard's exports: a blog as WXR (owners), and "download all my data" (anyone)."""

from __future__ import annotations

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Membership
from chaikhana.blogs.roles import Role
from chaikhana.core.errors import ActionError
from chaikhana.porting.access import access_import_blog, access_user_export
from chaikhana.porting.actions import start_user_export
from chaikhana.porting.export.user import build_user_zip, is_small
from chaikhana.porting.export.wxr import wxr_chunks
from chaikhana.porting.models import UserExport


@never_cache
@login_required
def blog_wxr(request: HttpRequest, blog: str) -> StreamingHttpResponse:
    """The blog as a WXR file, streamed as it is written (owners only)."""
    the_blog = access_import_blog(request.user, blog)  # type: ignore[arg-type]
    response = StreamingHttpResponse(
        (chunk.encode() for chunk in wxr_chunks(blog=the_blog)),
        content_type="text/xml; charset=utf-8",
    )
    name = f"{the_blog.name}-{timezone.now():%Y-%m-%d}.xml"
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response


def _zip_now(user: User) -> FileResponse:
    out = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    build_user_zip(user=user, out=out)
    out.seek(0)
    name = f"chaikhana-{user.get_username()}-{timezone.now():%Y-%m-%d}.zip"
    return FileResponse(out, as_attachment=True, filename=name, content_type="application/zip")


@never_cache
@login_required
def my_data(request: HttpRequest) -> HttpResponseBase:
    """GET: what is exported, her blogs' WXR links, her prepared zip. POST: the zip, now
    for a small account, else prepared by a task (this page then shows its link)."""
    user: User = request.user  # type: ignore[assignment]
    error = ""
    if request.method == "POST":
        if is_small(user):
            return _zip_now(user)
        try:
            start_user_export(by=user)
        except ActionError as refused:
            error = str(refused.message)
        else:
            return redirect("porting_export:my_data")
    owned = Membership.objects.filter(user=user, role=Role.OWNER).select_related("blog")
    context = {
        "owned": [m.blog for m in owned.order_by("blog__name")],
        "export": UserExport.objects.filter(user=user).first(),
        "error": error,
    }
    return render(request, "porting/my_data.html", context)


@never_cache
@login_required
def my_data_download(request: HttpRequest, export_id: int) -> HttpResponseBase:
    """A prepared zip, to the person it belongs to and nobody else (404 for others)."""
    export = access_user_export(request.user, export_id)  # type: ignore[arg-type]
    if export.state != UserExport.State.DONE:
        return redirect("porting_export:my_data")
    name = f"chaikhana-{export.user.get_username()}-{export.created_at:%Y-%m-%d}.zip"
    return FileResponse(
        export.file.open("rb"), as_attachment=True, filename=name, content_type="application/zip"
    )
