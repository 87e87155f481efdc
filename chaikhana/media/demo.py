"""The demo's photos as library files: MediaFile rows with renditions, posts pointing at them.

``manage.py demo`` (blogs) draws its landscapes into MEDIA_ROOT/demo/ and its photo posts
link those files directly, as plain ``<img>``s: blogs may not import media. This module,
run after it by ``manage.py demo_media``, uploads each picture once into the first photo
blog's library (through upload_media, as the blog's owner), makes its renditions at once,
and rewrites the photo posts to the library URLs, so post pages serve ``<picture>`` with a
srcset and a phone loads a 640-px WebP or AVIF instead of the 1,024-px JPEG.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction

from chaikhana.blogs.models import Blog, Membership, Post
from chaikhana.blogs.roles import Role
from chaikhana.media.actions import create_renditions, upload_media
from chaikhana.media.models import MediaFile

DEMO_DIR = "demo"
BATCH = 500
RENDERED = ["body_source", "body_html", "word_count", "summary", "cover_image"]


@dataclass(frozen=True)
class DemoMediaResult:
    files: int  # library files made (0 when they existed already)
    renditions: int
    posts: int  # posts rewritten


def demo_url_prefix() -> str:
    return f"{settings.MEDIA_URL}{DEMO_DIR}/"


def posts_with_demo_images() -> Iterator[Post]:
    """Posts whose text still links a file of MEDIA_ROOT/demo/ directly."""
    found = Post.objects.filter(body_source__contains=f"({demo_url_prefix()}")
    return found.order_by("pk").iterator(chunk_size=BATCH)


def _photo_blog() -> tuple[Blog, Membership] | None:
    owner = (
        Membership.objects.filter(role=Role.OWNER, blog__theme=Blog.Theme.PHOTO)
        .select_related("blog", "user")
        .order_by("blog_id")
        .first()
    )
    return (owner.blog, owner) if owner is not None else None


def _library_file(blog: Blog, owner: Membership, path: Path) -> tuple[MediaFile, bool]:
    """The library file uploaded from *path*, uploading it the first time."""
    existing = MediaFile.objects.filter(blog=blog, original_name=path.name).first()
    if existing is not None:
        return existing, False
    with path.open("rb") as handle:
        media = upload_media(blog=blog, by=owner.user, uploaded_file=File(handle, name=path.name))
    return media, True


def load_demo_media() -> DemoMediaResult:
    """Upload the demo's pictures and point its posts at them; a second run changes nothing."""
    directory = Path(settings.MEDIA_ROOT) / DEMO_DIR
    images = sorted(directory.glob("*.jpg")) if directory.is_dir() else []
    place = _photo_blog()
    if not images or place is None:
        return DemoMediaResult(0, 0, 0)
    blog, owner = place
    urls, files, renditions = {}, 0, 0
    for path in images:
        media, made = _library_file(blog, owner, path)
        files += made
        renditions += create_renditions(media=media)
        urls[f"({demo_url_prefix()}{path.name})"] = f"({media.file.url})"
    return DemoMediaResult(files, renditions, _rewrite_posts(urls))


def _rewrite_posts(urls: dict[str, str]) -> int:
    """Swap the demo's file URLs for library URLs and render again (no signals: a load)."""
    rewritten, batch = 0, []
    for post in posts_with_demo_images():
        for old, new in urls.items():
            post.body_source = post.body_source.replace(old, new)
        post.render()
        batch.append(post)
        if len(batch) == BATCH:
            rewritten += _save(batch)
            batch = []
    return rewritten + _save(batch)


@transaction.atomic
def _save(posts: list[Post]) -> int:
    Post.objects.bulk_update(posts, RENDERED, batch_size=100)
    return len(posts)
