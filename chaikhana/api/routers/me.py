"""The caller herself: her token's scopes, her blogs (with her pen names, shown to her only),
and all her data as one zip, through porting's export (small at once, large by a task)."""

from __future__ import annotations

import tempfile
from typing import Any

from django.http import FileResponse, HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from ninja import Router

from chaikhana.api import present
from chaikhana.api.auth import BearerToken, grant_of, require, require_every_blog
from chaikhana.api.schemas import ExportOut, MeOut
from chaikhana.blogs.models import Membership
from chaikhana.porting.actions import start_user_export
from chaikhana.porting.export.user import build_user_zip, is_small
from chaikhana.porting.models import UserExport

router = Router(tags=["me"], auth=BearerToken())


@router.get("/me", response=MeOut, summary="My token and my blogs")
def me(request: HttpRequest) -> dict[str, Any]:
    user = require(request, "read")
    grant = grant_of(request)
    assert grant is not None
    mine = (
        Membership.objects.filter(user=user, blog__is_active=True)
        .select_related("blog")
        .order_by("blog__name")
    )
    return {
        "scopes": grant.scope_names,
        "blogs": [present.my_blog(request, m) for m in mine if grant.allows_blog(m.blog_id)],
        "token_expires_at": grant.expires_at,
    }


def _zip_name() -> str:
    return f"chaikhana-export-{timezone.now():%Y-%m-%d}.zip"  # no username in a header


ZIP = {"application/zip": {"schema": {"type": "string", "format": "binary"}}}


@router.post(
    "/me/export",
    summary="Export all my data",
    response={202: ExportOut},
    openapi_extra={"responses": {200: {"description": "The zip, at once.", "content": ZIP}}},
)
def export(request: HttpRequest) -> HttpResponseBase:
    user = require_every_blog(request, "read")
    if is_small(user):
        out = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
        build_user_zip(user=user, out=out)
        out.seek(0)
        return FileResponse(
            out, as_attachment=True, filename=_zip_name(), content_type="application/zip"
        )
    start_user_export(by=user)
    status_url = present.absolute(request, reverse("api-v1:export_status"))
    response = JsonResponse({"state": "preparing", "download": None}, status=202)
    response["Location"] = status_url
    return response


@router.get(
    "/me/export",
    summary="My prepared export (?download=1: the zip)",
    url_name="export_status",
    response={200: ExportOut},
    openapi_extra={"responses": {200: {"content": ZIP}}},
)
def export_status(request: HttpRequest) -> HttpResponseBase:
    user = require_every_blog(request, "read")
    found = UserExport.objects.filter(user=user).first()
    if found is not None and found.state == UserExport.State.DONE and request.GET.get("download"):
        return FileResponse(
            found.file.open("rb"),
            as_attachment=True,
            filename=_zip_name(),
            content_type="application/zip",
        )
    state = "none" if found is None else found.state
    link = None
    if found is not None and found.state == UserExport.State.DONE:
        link = present.absolute(request, reverse("api-v1:export_status") + "?download=1")
    return JsonResponse({"state": state, "download": link})
