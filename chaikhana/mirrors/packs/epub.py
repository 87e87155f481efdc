"""EPUB 3 packs (``ebooklib``): a blog, a month of it, a portal section, today on the network,
and a course's materials for its students (private: never among the public packs).

Bodies are the stored, sanitised HTML; links to our own pages become absolute (the book is
read away from the site), ``<picture>`` becomes one small JPEG packed in the book, and the
daily pack keeps to TODAY_MAX_BYTES — text only, oldest posts dropped first — so it can be
passed on in a messaging app.
"""

from __future__ import annotations

import posixpath
import uuid
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from ebooklib import epub

from chaikhana.blogs.models import Blog, Post
from chaikhana.courses.models import Course
from chaikhana.media.models import MediaFile
from chaikhana.media.render import media_for_urls

TODAY_MAX_BYTES = 300 * 1024
SMALL_WIDTH = 480
# The container, package document, navigation and per-chapter entries of a text-only book.
BOOK_OVERHEAD = 12 * 1024
STYLE = "body{font-family:serif;line-height:1.5}img{max-width:100%;height:auto}.meta{color:#555}"


def blog_posts(blog: Blog, *, month: str | None = None) -> list[Post]:
    posts = Post.objects.for_blog(blog).posts().published().select_related("blog")
    if month:
        year, number = (int(part) for part in month.split("-"))
        posts = posts.filter(published_at__year=year, published_at__month=number)
    return list(posts.order_by("published_at", "id"))


def todays_posts() -> list[Post]:
    since = timezone.now() - timedelta(days=1)
    found = Post.objects.in_listed_blogs().posts().published().filter(published_at__gte=since)
    return list(found.select_related("blog").order_by("published_at", "id"))


def write_epub(
    out: Path, *, title: str, language: str, posts: list[Post], images: bool = True
) -> int:
    """Write the book to *out*; the number of chapters. The daily pack sheds posts to fit."""
    daily = out.name.endswith("-today.epub")
    keep = _likely_to_fit(posts) if daily else list(posts)
    while True:
        _write(out, title=title, language=language, posts=keep, images=images)
        if not daily or out.stat().st_size <= TODAY_MAX_BYTES or not keep:
            return len(keep)
        keep = keep[1:]  # the oldest post goes first


def _likely_to_fit(posts: list[Post]) -> list[Post]:
    """The newest posts whose chapters, deflated as the book's zip will, fit the daily budget
    with room for the book's own files: one write instead of one per post dropped."""
    budget, keep = TODAY_MAX_BYTES - BOOK_OVERHEAD, []
    for post in reversed(posts):
        budget -= len(zlib.compress(_chapter(post, None, None).encode()))
        if budget < 0:
            break
        keep.append(post)
    return keep[::-1]


def _write(out: Path, *, title: str, language: str, posts: list[Post], images: bool) -> None:
    book = _book(title, language)
    packed: dict[str, str] = {}
    chapters = [
        Chapter(
            post.title, post.language or language, _chapter(post, book, packed if images else None)
        )
        for post in posts
    ]
    _finish(book, out, title=title, language=language, chapters=chapters)


@dataclass(frozen=True)
class Chapter:
    title: str
    language: str
    html: str


def write_materials(out: Path, *, course: Course, url: str) -> int:
    """A course's materials as a book for its students: one chapter per material, its text
    as stored (sanitised at save); a file is named with where to fetch it (*url*)."""
    book = _book(course.title, course.language)
    chapters = []
    for material in course.materials.all():
        body = material.body_html
        if material.file:
            name = escape(posixpath.basename(material.file.name))
            note = _("File: %(name)s, on the course page") % {"name": name}
            body += f'<p class="meta"><a href="{escape(url)}">{note}</a></p>'
        chapters.append(
            Chapter(material.title, course.language, f"<h1>{escape(material.title)}</h1>{body}")
        )
    _finish(book, out, title=course.title, language=course.language, chapters=chapters)
    return len(chapters)


def _book(title: str, language: str) -> epub.EpubBook:
    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:{uuid.uuid4()}")
    book.set_title(title)
    book.set_language(language)
    book.add_author(title)
    book.add_metadata("DC", "date", date.today().isoformat())
    return book


def _finish(
    book: epub.EpubBook, out: Path, *, title: str, language: str, chapters: list[Chapter]
) -> None:
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLE)
    book.add_item(style)
    items = []
    for number, chapter in enumerate(chapters, start=1):
        item = epub.EpubHtml(
            title=chapter.title, file_name=f"post-{number}.xhtml", lang=chapter.language
        )
        item.content = chapter.html
        item.add_item(style)
        book.add_item(item)
        items.append(item)
    if not items:
        empty = epub.EpubHtml(title=title, file_name="empty.xhtml", lang=language)
        empty.content = f"<h1>{escape(title)}</h1><p>—</p>"
        book.add_item(empty)
        items.append(empty)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *items]
    temporary = out.with_name(f".{out.name}.tmp")
    epub.write_epub(str(temporary), book)
    temporary.replace(out)


def _chapter(post: Post, book: epub.EpubBook | None, packed: dict[str, str] | None) -> str:
    soup = BeautifulSoup(post.body_html or "", "html.parser")
    for picture in soup.find_all("picture"):
        img = picture.find("img")
        picture.replace_with(img if isinstance(img, Tag) else "")
    found = media_for_urls([str(img.get("src") or "") for img in soup.find_all("img")])
    for img in soup.find_all("img"):
        _image(img, book, packed, found.get(str(img.get("src") or "")))
    for tag in soup.find_all(href=True):
        href = str(tag["href"])
        if href.startswith("/"):
            tag["href"] = settings.SITE_URL + href
    when = timezone.localtime(post.published_at).date().isoformat() if post.published_at else ""
    byline = escape(post.byline)
    source = escape(settings.SITE_URL + post.get_absolute_url())
    return (
        f"<h1>{escape(post.title)}</h1>"
        f'<p class="meta">{byline} · {when} · <a href="{source}">{source}</a></p>{soup}'
    )


def _image(
    img: Tag, book: epub.EpubBook | None, packed: dict[str, str] | None, media: MediaFile | None
) -> None:
    for attribute in ("srcset", "sizes", "loading", "decoding"):
        del img[attribute]
    if packed is None or media is None or book is None:
        img.replace_with(f"[{img.get('alt') or ''}]" if img.get("alt") else "")
        return
    renditions = sorted(
        (r for r in media.renditions.all() if r.format == "jpeg"), key=lambda r: r.width
    )
    wide = [r for r in renditions if r.width >= SMALL_WIDTH] or renditions[-1:]
    name = wide[0].file.name if wide else media.file.name
    if name not in packed:
        with default_storage.open(name) as handle:
            data = handle.read()
        packed[name] = f"images/{len(packed) + 1}{posixpath.splitext(name)[1].lower()}"
        kind = "image/png" if packed[name].endswith(".png") else "image/jpeg"
        book.add_item(
            epub.EpubImage(
                uid=f"img{len(packed)}", file_name=packed[name], media_type=kind, content=data
            )
        )
    img["src"] = packed[name]
    img["alt"] = img.get("alt") or ""
