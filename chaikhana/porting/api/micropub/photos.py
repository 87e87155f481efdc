"""Photos given by URL (Micropub §3.3.2): copied here, so readers' browsers never fetch a
third-party host. Fetched through core.safehttp (capped at the media upload size), checked to
be an image, then stored with media.upload_media (EXIF and GPS stripped).

Every remote photo is fetched and checked before any is stored, so a refused URL leaves
nothing behind. Our own media URLs (from /micropub/media) are kept as they are.
"""

from __future__ import annotations

import logging
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from chaikhana.core import safehttp
from chaikhana.core.errors import ActionError
from chaikhana.media.conf import max_upload_bytes
from chaikhana.media.sniff import HEAD_BYTES, sniff
from chaikhana.porting.api.micropub.errors import invalid

logger = logging.getLogger(__name__)
FETCH_TIMEOUT = 30.0


def is_ours(url: str, media_prefix: str) -> bool:
    """A relative path on this site, or a file in our media storage."""
    return url.startswith(media_prefix) or (url.startswith("/") and not url.startswith("//"))


def fetch_photo(url: str) -> ContentFile[bytes]:
    """The image at *url*, in memory; a Micropub 400 when it cannot be had or is no image."""
    try:
        response = safehttp.fetch(url, max_bytes=max_upload_bytes(), timeout=FETCH_TIMEOUT)
    except safehttp.TooLarge as error:
        raise invalid(_("The photo is larger than the upload limit.")) from error
    except safehttp.SafeHTTPError as error:  # refused address, resolver, connection, TLS
        # The reason stays in our log: a client learns nothing of our network or resolver.
        logger.info("micropub photo %s not fetched: %s", url, error)
        raise invalid(_("That address cannot be fetched.")) from error
    if response.status != 200:
        logger.info("micropub photo %s answered HTTP %d", url, response.status)
        raise invalid(_("That address cannot be fetched."))
    try:
        is_image = sniff(response.body[:HEAD_BYTES]).kind == "image"
    except ActionError:  # a type the library refuses (HTML, SVG, executables…)
        is_image = False
    if not is_image:
        raise invalid(_("The file at that address is not an image."))
    name = PurePosixPath(unquote(urlsplit(url).path)).name or "photo"
    return ContentFile(response.body, name=name[:200])
