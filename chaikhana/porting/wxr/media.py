"""Attachments: fetched through core.safehttp (the one outbound client) and stored with
media.upload_media (so EXIF/GPS is stripped and quotas hold); left as links when they cannot be.

An attachment already brought by an earlier run is found again through ImportedItem and not
fetched twice. Failures never stop the import: the post keeps the old address and the report
says why.
"""

from __future__ import annotations

import logging
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from chaikhana.accounts.models import User
from chaikhana.blogs.models import Blog
from chaikhana.core import safehttp
from chaikhana.core.errors import ActionError
from chaikhana.media.actions import upload_media
from chaikhana.media.models import MediaFile
from chaikhana.porting.models import ImportedItem
from chaikhana.porting.wxr.content import Attachment, Attachments
from chaikhana.porting.wxr.report import Report

MEDIA_TIMEOUT = 30.0


logger = logging.getLogger(__name__)


def bring_attachments(
    *, blog: Blog, by: User, attachments: Attachments, report: Report, fetch: bool
) -> None:
    """Give each attachment a local address when we have (or can get) the file."""
    report.attachments = len(attachments.by_id)
    for attachment in attachments.by_id.values():
        if _already_here(blog, attachment):
            continue
        if not fetch:
            report.attachments_linked.append(f"{attachment.url}: not fetched (option)")
            continue
        try:
            media = _fetch_and_store(blog, by, attachment)
        except safehttp.SafeHTTPError as error:
            # The resolver's or connection's detail stays in our log, not in the uploader's
            # report: it would tell her about our network.
            logger.info("import attachment %s not fetched: %s", attachment.url, error)
            report.attachments_linked.append(
                f"{attachment.url}: " + _("that address cannot be fetched")
            )
            continue
        except (ActionError, PermissionDenied, ValidationError) as error:
            report.attachments_linked.append(f"{attachment.url}: {error}")
            continue
        attachment.new_url = media.url
        ImportedItem.objects.update_or_create(
            blog=blog,
            kind=ImportedItem.Kind.ATTACHMENT,
            key=str(attachment.wp_id),
            defaults={
                "wp_id": attachment.wp_id,
                "object_id": media.pk,
                "data": {"url": attachment.url},
            },
        )
        report.attachments_fetched += 1


def _already_here(blog: Blog, attachment: Attachment) -> bool:
    row = ImportedItem.objects.filter(
        blog=blog, kind=ImportedItem.Kind.ATTACHMENT, key=str(attachment.wp_id)
    ).first()
    media = MediaFile.objects.filter(pk=row.object_id or 0, blog=blog).first() if row else None
    if media is not None:
        attachment.new_url = media.url
    return media is not None


def _fetch_and_store(blog: Blog, by: User, attachment: Attachment) -> MediaFile:
    limit = settings.MEDIA_MAX_UPLOAD_MB * 1024 * 1024
    response = safehttp.fetch(attachment.url, max_bytes=limit, timeout=MEDIA_TIMEOUT)
    if response.status != 200:
        raise safehttp.FetchError(f"HTTP {response.status}")
    name = PurePosixPath(unquote(urlsplit(attachment.url).path)).name or "file"
    return upload_media(
        blog=blog,
        by=by,
        uploaded_file=ContentFile(response.body, name=name),
        alt=attachment.alt[:300],
        caption=attachment.caption[:1000],
    )
