"""Uploading a file to a blog's library: every check before a byte is stored."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import membership_of
from chaikhana.blogs.models import Blog
from chaikhana.core.errors import ActionError
from chaikhana.core.files import save_whole
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.media import permissions
from chaikhana.media.conf import ALT_CHARS, CAPTION_CHARS, max_upload_bytes
from chaikhana.media.images import clean_image
from chaikhana.media.metadata import strip_metadata
from chaikhana.media.models import MediaFile
from chaikhana.media.names import display_name, stored_name
from chaikhana.media.quota import check_quota
from chaikhana.media.sniff import HEAD_BYTES, FileType, sniff


@dataclass
class Prepared:
    """What will be stored: the cleaned content and what we learnt about it."""

    type: FileType
    content: File
    size: int
    sha256: str
    width: int | None = None
    height: int | None = None
    animated: bool = False


def _check_size(size: int) -> None:
    if size <= 0:
        raise ActionError(_("This file is empty."), field="file")
    if size > max_upload_bytes():
        raise ActionError(
            _("This file is %(size)s; files up to %(max)s can be uploaded.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_upload_bytes())},
            field="file",
        )


def check_text(alt: str, caption: str) -> None:
    if len(alt) > ALT_CHARS:
        raise ActionError(
            _("Keep the description under %(n)d characters.") % {"n": ALT_CHARS}, field="alt"
        )
    if len(caption) > CAPTION_CHARS:
        raise ActionError(
            _("Keep the caption under %(n)d characters.") % {"n": CAPTION_CHARS}, field="caption"
        )


def _digest(uploaded: File) -> str:
    sha = hashlib.sha256()
    for chunk in uploaded.chunks():
        sha.update(chunk)
    uploaded.seek(0)
    return sha.hexdigest()


def prepare(uploaded: File) -> Prepared:
    """Identify the file by its content and take its metadata out (ActionError if we cannot)."""
    uploaded.seek(0)
    kind = sniff(uploaded.read(HEAD_BYTES))
    uploaded.seek(0)
    if kind.pillow_format is None:
        # Sound and PDF keep their bytes but lose their tags, worked on in a temporary file.
        stripped, size = strip_metadata(uploaded, kind)
        return Prepared(kind, stripped, size, _digest(stripped))
    clean = clean_image(uploaded, kind.pillow_format)
    return Prepared(
        kind,
        ContentFile(clean.data),
        len(clean.data),
        hashlib.sha256(clean.data).hexdigest(),
        clean.width,
        clean.height,
        clean.animated,
    )


def upload_media(
    *, blog: Blog, by: User, uploaded_file: File, alt: str = "", caption: str = ""
) -> MediaFile:
    """Store *uploaded_file* in *blog*'s library, stripped of metadata, and queue renditions."""
    if not permissions.can_upload(membership_of(by, blog)):
        raise PermissionDenied(_("Only the blog's members may upload files to it."))
    alt, caption = alt.strip(), caption.strip()
    check_text(alt, caption)
    _check_size(uploaded_file.size or 0)  # before reading a byte: .size comes from the parser
    check_quota(by, uploaded_file.size or 0)
    prepared = prepare(uploaded_file)
    # The file is written before the row and outside the transaction: slow storage (S3)
    # must not hold the database's write lock. If the row fails, the file goes too.
    name = save_whole(
        default_storage, stored_name(blog.pk, prepared.type.ext, timezone.now()), prepared.content
    )
    try:
        return _create_row(blog, by, uploaded_file.name or "", prepared, name, alt, caption)
    except BaseException:
        default_storage.delete(name)
        raise


@transaction.atomic
def _create_row(
    blog: Blog, by: User, raw_name: str, prepared: Prepared, name: str, alt: str, caption: str
) -> MediaFile:
    # Lock the uploader's row so two uploads at once cannot both squeeze under the quota.
    User.objects.select_for_update().filter(pk=by.pk).first()
    check_quota(by, prepared.size)
    media = MediaFile.objects.create(
        blog=blog,
        uploaded_by=by,
        file=name,
        kind=prepared.type.kind,
        content_type=prepared.type.content_type,
        original_name=display_name(raw_name, prepared.type.ext),
        size=prepared.size,
        width=prepared.width,
        height=prepared.height,
        is_animated=prepared.animated,
        alt=alt,
        caption=caption,
        sha256=prepared.sha256,
    )
    if media.kind == MediaFile.Kind.IMAGE and not media.is_animated:
        from chaikhana.media.tasks import make_renditions  # the task module imports actions

        enqueue_on_commit(make_renditions, media_id=media.pk)
    return media
