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
from chaikhana.mirrors import build, conf, packs
from chaikhana.mirrors.packs import epub, zim
from chaikhana.mirrors.scope import Scope

# A pack older than this is built again by the periodic command.
STALE_HOURS = 24


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
