"""Building the packs offered on /mirrors/, each signed like the mirror, each rebuilt when stale."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from chaikhana.blogs.models import Blog
from chaikhana.core import network_settings
from chaikhana.core.translit import slugify
from chaikhana.courses.models import Course
from chaikhana.mirrors import build, conf, packs
from chaikhana.mirrors.packs import epub, zim
from chaikhana.mirrors.scope import Scope
from chaikhana.portal.models import Section
from chaikhana.portal.views.front import live_submissions

# A pack older than this is built again by the periodic command.
STALE_HOURS = 24
# A section's book: its newest stories, as many as its page lists a few times over.
SECTION_STORIES = 60


def build_zim(*, blog: str | None = None, portal: bool = False) -> Path:
    """The ZIM of one blog, of the portal, or of the whole public network."""
    scope = Scope.build(blog=blog, portal=portal)
    key = blog or ("portal" if portal else "network")
    source = conf.staging_root() / "pack-sources" / hashlib.sha256(key.encode()).hexdigest()[:12]
    report = build.build(source, scope=scope, live=settings.SITE_URL)
    name = f"{_slug()}-{key}"
    title, language = _title_and_language(blog, portal)
    out = _folder() / f"{name}.zim"
    zim.write_zim(report.generation, out, name=name, title=title, language=language)
    packs.sign_pack(out)
    return out


def build_blog_epub(*, blog: str, month: str | None = None) -> Path:
    found = Blog.objects.listed().get(name=blog)
    posts = epub.blog_posts(found, month=month)
    name = f"{_slug()}-{blog}{'-' + month if month else ''}.epub"
    title = f"{found.title} {month}" if month else found.title
    return _epub(name, title=title, language=found.language, posts=posts)


def build_section_epub(*, section: str) -> Path:
    """A portal section's newest stories as a public pack (offered on /mirrors/)."""
    found = Section.objects.get(slug=section)
    stories = live_submissions().filter(section=found).order_by("-story__published_at")
    posts = [item.story for item in stories[:SECTION_STORIES]][::-1]
    title = f"{network_settings.network_name()}: {found.name}"
    return _epub(
        f"{_slug()}-section-{found.slug}.epub",
        title=title,
        language=settings.LANGUAGE_CODE,
        posts=posts,
    )


def section_epub(*, section: str) -> Path:
    """The section's pack, built first when missing or stale."""
    path = _folder() / f"{_slug()}-section-{section}.epub"
    if not path.is_file() or time.time() - path.stat().st_mtime > STALE_HOURS * 3600:
        return build_section_epub(section=section)
    return path


def build_course_pack(*, course: Course, url: str) -> Path:
    """A course's materials for its students. Kept apart from the public packs (never on
    /mirrors/, in /mirrors.json or in a mirror); served only through access checks."""
    folder = conf.staging_root() / "private" / "courses"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{course.slug}.epub"
    epub.write_materials(out, course=course, url=url)
    return out


def build_today() -> Path:
    """Today on the network: one small EPUB to pass on in a messenger."""
    posts = epub.todays_posts()
    day = timezone.localdate().isoformat()
    title = f"{network_settings.network_name()} {day}"
    return _epub(f"{_slug()}-today.epub", title=title, language=settings.LANGUAGE_CODE, posts=posts)


def refresh_stale() -> list[Path]:
    """Rebuild the network's ZIM and today's pack when missing or older than STALE_HOURS."""
    built = []
    for name, make in (
        (f"{_slug()}-network.zim", build_zim),
        (f"{_slug()}-today.epub", build_today),
    ):
        path = _folder() / name
        if not path.is_file() or time.time() - path.stat().st_mtime > STALE_HOURS * 3600:
            built.append(make())
    return built


def _epub(name: str, *, title: str, language: str, posts: list) -> Path:
    out = _folder() / name
    epub.write_epub(out, title=title, language=language, posts=posts)
    packs.sign_pack(out)
    return out


def _folder() -> Path:
    folder = packs.folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _slug() -> str:
    return slugify(network_settings.network_name()) or "network"


def _title_and_language(blog: str | None, portal: bool) -> tuple[str, str]:
    network = network_settings.network_name()
    if blog:
        found = Blog.objects.listed().get(name=blog)
        return found.title, found.language
    return (f"{network}: portal" if portal else network), settings.LANGUAGE_CODE
