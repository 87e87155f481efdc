"""Uploading to her blog's library (a token with the "media" scope): media's upload action,
with its checks (type from the bytes, size, quota) and its metadata stripping."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router
from ninja import Status as Created
from ninja.files import UploadedFile

from chaikhana.api import present
from chaikhana.api.auth import BearerToken, require
from chaikhana.api.routers.manage_posts import writer_blog
from chaikhana.api.schemas import MediaOut
from chaikhana.media.actions import upload_media

router = Router(tags=["my media"], auth=BearerToken())


@router.post("/manage/{name}/media", response={201: MediaOut}, summary="Upload a file")
def upload(
    request: HttpRequest,
    name: str,
    file: File[UploadedFile],
    alt: Form[str] = "",
    caption: Form[str] = "",
) -> Created[Any]:
    blog, _membership = writer_blog(request, name, "media")
    media = upload_media(
        blog=blog, by=require(request, "media"), uploaded_file=file, alt=alt, caption=caption
    )
    return Created(
        201,
        {
            "id": media.pk,
            "kind": media.kind,
            "content_type": media.content_type,
            "url": present.absolute(request, media.url),
            "width": media.width,
            "height": media.height,
            "size": media.size,
            "alt": media.alt,
        },
    )
