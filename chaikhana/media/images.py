"""Pillow work: decode an upload safely, re-encode it from pixels alone, and resize it.

Re-encoding from a fresh image is how metadata goes: EXIF (GPS, camera serials, maker
notes, embedded thumbnails), XMP, IPTC, comments and ICC profiles live in ``Image.info``
or in the file around the pixels, and a new ``Image`` built from pixels carries none of
them. ICC profiles are dropped too: they rarely identify a person, but some embed the
device's name and dropping them costs at most a slight colour shift on wide-gamut photos.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from chaikhana.core.errors import ActionError
from chaikhana.media.conf import MAX_ANIMATION_PIXELS, MAX_IMAGE_PIXELS

ALPHA_MODES = {"RGBA", "LA", "PA", "RGBa", "La"}

# How each format is written. JPEG ~90 keeps photos indistinguishable from the camera's.
ORIGINAL_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
    "GIF": {},
    "AVIF": {"quality": 80},
}
# Renditions are for reading on a phone over 3G: smaller files, still good to look at.
RENDITION_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 80, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 78, "method": 4},
    "AVIF": {"quality": 60, "speed": 8},
}


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    width: int
    height: int
    animated: bool


def _refuse_damaged() -> ActionError:
    return ActionError(
        _("This image is damaged or incomplete and cannot be read. Try exporting it again."),
        field="file",
    )


def _refuse_huge() -> ActionError:
    return ActionError(
        _("This image has too many pixels (more than %(mp)d megapixels). Make it smaller.")
        % {"mp": MAX_IMAGE_PIXELS // 1_000_000},
        field="file",
    )


def open_image(fileobj: IO[bytes], pillow_format: str) -> Image.Image:
    """Open (headers only) with the one decoder the content named, refusing bombs early."""
    try:
        image = Image.open(fileobj, formats=[pillow_format])
    except Image.DecompressionBombError as err:
        raise _refuse_huge() from err
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise _refuse_damaged() from err
    # Checked before any pixel is decoded: a 50,000 × 50,000 PNG is a few KB on disk.
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        raise _refuse_huge()
    frames = getattr(image, "n_frames", 1)
    if width * height * frames > MAX_ANIMATION_PIXELS:
        raise _refuse_huge()
    return image


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ALPHA_MODES or "transparency" in image.info


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new image with the same pixels and nothing else (no info, no EXIF, no profile)."""
    mode = "RGBA" if has_alpha(image) else ("L" if image.mode in ("1", "L") else "RGB")
    source = image if image.mode == mode else image.convert(mode)
    fresh = Image.new(mode, source.size)
    fresh.paste(source)
    return fresh


def _encode(frames: list[Image.Image], fmt: str, options: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    first = frames[0]
    if fmt == "JPEG" and first.mode not in ("RGB", "L"):
        first = first.convert("RGB")
    if len(frames) > 1:
        options = {**options, "save_all": True, "append_images": frames[1:]}
    first.save(out, format=fmt, **options)
    return out.getvalue()


def _clean_animation(image: Image.Image, fmt: str) -> CleanImage:
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image):
        frames.append(_pixels_only(frame))
        durations.append(int(frame.info.get("duration", 100)))
    options: dict[str, Any] = {"duration": durations, "loop": int(image.info.get("loop", 0))}
    if fmt == "GIF":
        # Each frame is a full picture: clear the previous one so transparency shows through.
        options["disposal"] = 2
    else:
        options.update(ORIGINAL_OPTIONS[fmt])
    if len({frame.mode for frame in frames}) > 1:  # one mode for the whole animation
        frames = [frame.convert("RGBA") for frame in frames]
    width, height = frames[0].size
    return CleanImage(_encode(frames, fmt, options), width, height, animated=True)


def clean_image(fileobj: IO[bytes], pillow_format: str) -> CleanImage:
    """The upload re-encoded from its pixels: upright, same format, no metadata at all."""
    image = open_image(fileobj, pillow_format)
    try:
        with image:
            if getattr(image, "is_animated", False):
                return _clean_animation(image, pillow_format)
            image.load()
            # The camera's orientation tag goes with the metadata, so turn the pixels first.
            upright = ImageOps.exif_transpose(image) or image
            fresh = _pixels_only(upright)
    except (OSError, SyntaxError, ValueError, EOFError) as err:
        raise _refuse_damaged() from err
    data = _encode([fresh], pillow_format, ORIGINAL_OPTIONS[pillow_format])
    return CleanImage(data, fresh.width, fresh.height, animated=False)


def resize(image: Image.Image, width: int) -> Image.Image:
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def encode_rendition(image: Image.Image, fmt: str) -> bytes:
    return _encode([image], fmt, RENDITION_OPTIONS[fmt])


def square_png(fileobj: IO[bytes], pillow_format: str, size: int) -> bytes:
    """The middle square of a still image, *size* pixels wide, as a PNG with nothing else."""
    image = open_image(fileobj, pillow_format)
    try:
        with image:
            image.load()
            upright = _pixels_only(ImageOps.exif_transpose(image) or image)
    except (OSError, SyntaxError, ValueError, EOFError) as err:
        raise _refuse_damaged() from err
    square = ImageOps.fit(upright, (size, size), Image.Resampling.LANCZOS)
    return _encode([square], "PNG", ORIGINAL_OPTIONS["PNG"])
