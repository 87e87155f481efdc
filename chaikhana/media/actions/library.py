"""Describing and deleting files of a blog's library."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.access import membership_of
from chaikhana.media import permissions
from chaikhana.media.actions.upload import check_text
from chaikhana.media.models import MediaFile
from chaikhana.media.signals import announce_media_changed

logger = logging.getLogger(__name__)


def _require_change(media: MediaFile, by: User) -> None:
    if not permissions.can_change_media(membership_of(by, media.blog), media):
        raise PermissionDenied(
            _("Only the blog's owners and editors, or whoever uploaded it, may change this file.")
        )


@transaction.atomic
def update_media(*, media: MediaFile, by: User, alt: str, caption: str) -> MediaFile:
    """Change a file's description (alt text) and caption."""
    _require_change(media, by)
    alt, caption = alt.strip(), caption.strip()
    check_text(alt, caption)
    media.alt, media.caption = alt, caption
    media.save(update_fields=["alt", "caption"])
    return media


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:  # a stray file costs bytes; a failed page would cost the reader
            logger.exception("could not delete stored file %s", name)


@transaction.atomic
def delete_media(*, media: MediaFile, by: User) -> None:
    """Delete a file, its renditions and their stored bytes (after the rows are gone)."""
    _require_change(media, by)
    names = [media.file.name, *(r.file.name for r in media.renditions.all())]
    announce_media_changed(media)  # before the row goes: its posts are found by its name
    media.delete()
    transaction.on_commit(lambda: _delete_files(names))
