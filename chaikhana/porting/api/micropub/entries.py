"""h-entry properties ⇄ our posts (Micropub §3.3 vocabulary, microformats2 h-entry).

Kept: name, content (text or {html}), category (as tags), published, post-status,
mp-slug, photo (URLs, {value, alt}, or files; remote URLs are copied here: photos.py).
Other properties (checkin, location…) are not stored: a post has no place for them, and we
do not keep writers' locations.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import Any

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.utils.dateparse import parse_datetime
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chaikhana.blogs.actions import PostRequest
from chaikhana.blogs.models import Blog, Post
from chaikhana.porting.api.micropub.errors import invalid
from chaikhana.porting.api.micropub.photos import fetch_photo

STATUSES = {"published": Post.Status.PUBLISHED, "draft": Post.Status.DRAFT}
TITLE_WORDS = 8

# Stores an uploaded (or fetched) photo and returns its URL (the view binds blog, user, request).
PhotoStore = Callable[[File], str]
# Whether a photo URL is already ours (a relative path, or our media storage) and kept as is.
PhotoKeep = Callable[[str], bool]


def text_of(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("value", ""))
    return "" if value is None else str(value)


def content_html(values: list[Any]) -> str:
    """§3.4.3: ``{"html": …}`` is HTML (sanitised at save); anything else is plain text."""
    if not values:
        return ""
    first = values[0]
    if isinstance(first, dict) and "html" in first:
        return str(first["html"])
    return linebreaks(escape(text_of(first)))


def _photo_value(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):  # §3.4.5: {"value": url, "alt": text}
        url, alt = text_of(value), str(value.get("alt", ""))
    else:
        url, alt = text_of(value), ""
    if not url.startswith(("http://", "https://", "/")):
        raise invalid(_("A photo must be an http(s) URL."))
    return url, alt


def _img(url: str, alt: str = "") -> str:
    return f'<p><img src="{escape(url)}" alt="{escape(alt)}"></p>'


def photos_html(
    values: list[Any], files: list[UploadedFile], store: PhotoStore, keep: PhotoKeep
) -> str:
    """Our <img> for each photo: remote URLs first fetched (all of them, before any is
    stored), then every photo stored here; our own media URLs are kept as they are."""
    given = [_photo_value(v) for v in values]
    fetched = {url: fetch_photo(url) for url, _alt in given if not keep(url)}
    html = [_img(url if keep(url) else store(fetched[url]), alt) for url, alt in given]
    return "".join(html + [_img(store(f)) for f in files])


def read_published(values: list[Any]) -> Any:
    if not values:
        return None
    when = parse_datetime(text_of(values[0]))
    if when is None:
        raise invalid(_("published must be an ISO 8601 date and time."))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def read_status(values: list[Any]) -> str:
    status = STATUSES.get(text_of(values[0]) if values else "published")
    if status is None:
        raise invalid(_("post-status must be published or draft."))
    return status


def title_for(name: list[Any], html: str) -> str:
    """A note has no name; its first words stand in for a title (200 characters at most)."""
    if name and text_of(name[0]).strip():
        return text_of(name[0]).strip()[:200]
    from chaikhana.core.markup import html_to_text

    text = html_to_text(html).strip()
    return Truncator(text).words(TITLE_WORDS, truncate="…")[:200] or _("Note")


def new_request(
    blog: Blog, properties: dict[str, list[Any]], commands: dict[str, list[Any]], photos: str
) -> PostRequest:
    body = content_html(properties.get("content", [])) + photos
    return PostRequest(
        title=title_for(properties.get("name", []), body),
        body_source=body,
        body_format=Post.Format.HTML,
        slug=text_of((commands.get("mp-slug") or [""])[0]),
        language=blog.language,
        status=read_status(properties.get("post-status", [])),
        published_at=read_published(properties.get("published", [])),
        tag_names=[
            text_of(c).strip() for c in properties.get("category", []) if text_of(c).strip()
        ],
    )


def source(post: Post, url: str) -> dict[str, Any]:
    """§3.8.3 q=source: the post's properties, as a Micropub client would send them."""
    content: Any = {"html": post.body_source}
    if post.body_format == Post.Format.MARKDOWN:
        content = post.body_source
    properties: dict[str, list[Any]] = {
        "name": [post.title],
        "content": [content],
        "category": [tag.name for tag in post.tags.all()],
        "post-status": ["draft" if post.status != Post.Status.PUBLISHED else "published"],
        "url": [url],
    }
    if post.published_at:
        properties["published"] = [post.published_at.astimezone(UTC).isoformat()]
    return {"type": ["h-entry"], "properties": properties}
