"""Renditions: smaller copies of an image in modern formats, made after upload.

Widths come from conf.RENDITION_WIDTHS, only below the original's width (never upscaled:
an 800-px photo gets 320 and 640), plus a full-width copy in the modern formats, so that a
<source type="image/avif"> never has to offer the original JPEG as its largest candidate
(a 360-px phone at DPR 2 asks for ~720 px and would otherwise fetch the JPEG). Each width
in AVIF (when this Pillow can write it) and WebP, with JPEG — or PNG for images with
transparency — for browsers that read neither (their largest candidate is the original).
Animated images keep their one original: resizing every frame costs more than it saves, and
the original is already clean. Wider images also get a 1200-px JPEG/PNG for link previews
(conf.SHARE_WIDTH; previews read neither AVIF nor, everywhere, WebP).
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from PIL import Image, features

from chaikhana.core.files import save_whole
from chaikhana.core.tasks import enqueue_on_commit
from chaikhana.media.conf import RENDITION_WIDTHS, SHARE_WIDTH
from chaikhana.media.images import encode_rendition, has_alpha, resize
from chaikhana.media.models import MediaFile, Rendition
from chaikhana.media.names import rendition_name
from chaikhana.media.signals import announce_media_changed

logger = logging.getLogger(__name__)
EXTENSIONS = {"AVIF": "avif", "WEBP": "webp", "JPEG": "jpg", "PNG": "png"}


def rendition_formats(with_alpha: bool) -> list[str]:
    modern = (["AVIF"] if features.check("avif") else []) + ["WEBP"]
    return [*modern, "PNG" if with_alpha else "JPEG"]


def _wanted(media: MediaFile, image: Image.Image) -> list[tuple[int, str]]:
    done = {(r.width, r.format.upper()) for r in media.renditions.all()}
    formats = rendition_formats(has_alpha(image))
    wanted = [(w, fmt) for w in RENDITION_WIDTHS if w < image.width for fmt in formats]
    if image.width <= RENDITION_WIDTHS[-1]:  # the full-width modern copies
        wanted += [(image.width, fmt) for fmt in formats if fmt in ("AVIF", "WEBP")]
    if image.width > SHARE_WIDTH:  # the link preview's copy, in the plain format only
        wanted.append((SHARE_WIDTH, formats[-1]))
    return [item for item in wanted if item not in done]


def _store(media: MediaFile, image: Image.Image, width: int, fmt: str) -> bool:
    data = encode_rendition(resize(image, width), fmt)
    # A full disk raises StorageFull with nothing kept: the task fails and is run again later.
    name = save_whole(
        default_storage, rendition_name(media.file.name, width, EXTENSIONS[fmt]), ContentFile(data)
    )
    height = max(1, round(image.height * width / image.width))
    try:
        with transaction.atomic():
            Rendition.objects.create(
                media=media,
                format=fmt.lower(),
                width=width,
                height=height,
                file=name,
                size=len(data),
            )
    except IntegrityError:  # another worker made it first: keep theirs
        default_storage.delete(name)
        return False
    return True


def create_renditions(*, media: MediaFile) -> int:
    """Make the renditions *media* lacks; returns how many were made (0 when all exist)."""
    if media.kind != MediaFile.Kind.IMAGE or media.is_animated:
        return 0
    with media.file.open("rb") as stored, Image.open(stored) as image:
        wanted = _wanted(media, image)  # from the header alone: no decoding when complete
        if wanted:
            image.load()
        made = sum(_store(media, image, width, fmt) for width, fmt in wanted)
    if made:  # pages showing the original can now offer the lighter copies
        announce_media_changed(media)
    return made


@transaction.atomic
def forget_missing_renditions(*, rendition_ids: list[int]) -> int:
    """Drop rendition rows whose files are gone (a full disk, a lost volume) and make them
    again in the background; how many rows went."""
    renditions = Rendition.objects.filter(pk__in=rendition_ids)
    media_ids = sorted(set(renditions.values_list("media_id", flat=True)))
    count, _ = renditions.delete()
    from chaikhana.media.tasks import make_renditions  # the task module imports actions

    for media_id in media_ids:
        enqueue_on_commit(make_renditions, media_id=media_id)
    return count
