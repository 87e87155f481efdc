"""What pages call to show media: ``picture_html`` and ``media_for_urls``.

Until a file's renditions exist (they are made in the background), both fall back to
the original, so a page never waits for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from chaikhana.blogs.models import Blog
from chaikhana.media.models import MediaFile, Rendition

# Modern formats first: the browser takes the first <source> whose type it reads.
MODERN = [("avif", "image/avif"), ("webp", "image/webp")]
DEFAULT_SIZES = "(max-width: 700px) 100vw, 700px"


def _srcset(items: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{url} {width}w" for url, width in items)


def _by_format(media: MediaFile) -> dict[str, list[Rendition]]:
    groups: dict[str, list[Rendition]] = {}
    for rendition in sorted(media.renditions.all(), key=lambda r: r.width):
        groups.setdefault(rendition.format, []).append(rendition)
    return groups


def _typed(renditions: list, original: tuple[str, int]) -> list[tuple[str, int]]:
    """A source's candidates; the original only when no rendition is as wide (older uploads)."""
    candidates = [(r.file.url, r.width) for r in renditions]
    if not any(width >= original[1] for _url, width in candidates):
        candidates.append(original)
    return candidates


def picture_html(
    media: MediaFile, *, alt: str | None = None, sizes: str = DEFAULT_SIZES, lazy: bool = False
) -> SafeString:
    """``<picture>`` for an image: AVIF/WebP sources, an <img> with a JPEG/PNG srcset.

    Pass media from ``MediaFile.objects….for_listing()`` or ``media_for_urls`` so the
    renditions are prefetched. *alt* overrides the library's description ("" marks a
    decorative image). Lazy loading is for images below the first screen.
    """
    if media.kind != MediaFile.Kind.IMAGE:
        raise ValueError("picture_html needs an image")
    groups = _by_format(media)
    original = (media.url, media.width or 0)
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            # Only files of the source's own type: the original JPEG in an AVIF source would
            # be what a phone at DPR 2 fetches.
            (mime, _srcset(_typed(groups[fmt], original)), sizes)
            for fmt, mime in MODERN
            if fmt in groups
        ),
    )
    fallback = groups.get("jpeg", []) + groups.get("png", [])
    srcset = _srcset([(r.file.url, r.width) for r in fallback] + [original])
    # The intrinsic size reserves the image's box before it loads (no layout shift); a file
    # whose size is unknown (an old upload) gets no empty attributes, which are invalid.
    dimensions = (
        format_html(' width="{}" height="{}"', media.width, media.height)
        if media.width and media.height
        else ""
    )
    img = format_html(
        '<img src="{}" srcset="{}" sizes="{}"{} alt="{}" loading="{}" decoding="async">',
        media.url,
        srcset,
        sizes,
        dimensions,
        media.alt if alt is None else alt,
        "lazy" if lazy else "eager",
    )
    return format_html("<picture>{}{}</picture>", sources, img)


def _storage_prefix() -> str:
    return default_storage.url("x")[:-1]


def name_from_url(url: str, prefix: str | None = None) -> str | None:
    """The storage name behind a media URL (absolute or not); None when it is not ours."""
    prefix = _storage_prefix() if prefix is None else prefix
    if url.startswith(prefix):
        return url[len(prefix) :] or None
    if prefix.startswith("/"):  # a site-relative MEDIA_URL: compare paths
        path = urlsplit(url).path
        if path.startswith(prefix):
            return path[len(prefix) :] or None
    return None


def media_for_urls(urls: Iterable[str], *, blog: Blog | None = None) -> dict[str, MediaFile]:
    """The library files behind *urls* (originals or renditions), renditions prefetched.

    Two queries whatever the number of URLs, so a page can look up every image of a post
    at once. URLs that are not media of this network (or of *blog*, when given) are left out.
    """
    prefix = _storage_prefix()
    names = {url: name for url in urls if (name := name_from_url(url, prefix))}
    if not names:
        return {}
    wanted = set(names.values())
    found = MediaFile.objects.filter(Q(file__in=wanted) | Q(renditions__file__in=wanted))
    if blog is not None:
        found = found.for_blog(blog)
    by_name: dict[str, MediaFile] = {}
    for media in found.distinct().prefetch_related("renditions"):
        by_name[media.file.name] = media
        by_name.update({r.file.name: media for r in media.renditions.all()})
    return {url: by_name[name] for url, name in names.items() if name in by_name}
