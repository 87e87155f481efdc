"""Page files: the stored pages written to disk, where nginx serves them without the app.

With ``PAGE_FILES_DIR`` set (the ``deploy/`` layout), every page the page cache stores is also
written as a file, pre-compressed (gzip and brotli), under a name nginx computes from the
request by itself (``deploy/nginx/chaikhana-page-files.conf``). A reader nginx can match —
no session or personal cookie, a GET, no query but ``page=N``, a language it can tell from
the cookie or the first entry of Accept-Language — gets the file; anyone else goes to the app
as before. :func:`file_name` is the Python twin of those nginx maps: when it returns None,
nginx would not look, so nothing is written.

Invalidation stays exact. Each written file is linked from ``deps/<dependency>/`` and
:func:`purge` (called by every generation bump, invalidation.py) unlinks the files of a
dependency. A writer links first, writes, then re-reads the generations the page rendered
under and unlinks its own file if one moved: a bump racing a write can never leave a stale
file behind (the bump increments before it lists; see ``_publish``).

``current`` is a symlink to one generation directory; :func:`clear` points it at a new empty
one, which empties the whole cache at once (network settings, a new release), and the old
one is removed afterwards. One machine's disk: with several app machines behind one nginx,
leave ``PAGE_FILES_DIR`` unset (docs/scaling.md).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import os
import re
import secrets
import shutil
import time
from pathlib import Path

import brotli
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

# What nginx's maps accept, and nothing else (deploy/nginx/chaikhana-page-files.conf).
HOST = re.compile(r"[a-z0-9.-]+(:[0-9]{1,5})?")
PAGE_QUERY = re.compile(r"page=([1-9][0-9]{0,4})")
LANGUAGES = ("ru", "ky", "en")
FIRST_LANGUAGE = re.compile(
    r"\s*(ru|ky|en)(-[A-Za-z0-9]{1,8})*\s*(;\s*q\s*=\s*1(\.0{0,3})?\s*)?(,|$)"
)
SAVE_DATA = re.compile(r"\s*on\s*", re.IGNORECASE)
FEDERATED = re.compile(r"application/(activity|ld)\+json", re.IGNORECASE)
# Pages whose every view is counted by a middleware (portal reading figures): always the app.
COUNTED_PATHS = re.compile(r"^/portal/stories/")
EXTENSIONS = {
    "text/html": "html",
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/xml": "xml",
}
MAX_PATH_BYTES = 512
# Files older than this are removed by `manage.py expire_page_files` (the periodic job):
# the same backstop as the page cache's own TTL, for a change that sent no signal.
MAX_AGE_SECONDS = 24 * 60 * 60


def root() -> Path | None:
    value = getattr(settings, "PAGE_FILES_DIR", "")
    return Path(value) if value else None


def enabled() -> bool:
    return root() is not None


# --- The name nginx looks for ------------------------------------------------------------


def _language_token(request: HttpRequest) -> str | None:
    """The language nginx reads off the request: the cookie's, the header's first, or "x"."""
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if cookie in LANGUAGES:
        return cookie
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    if not header:
        return "x"  # no preference at all: the network's default language
    match = FIRST_LANGUAGE.match(header)
    return match.group(1) if match else None


def _query_token(request: HttpRequest) -> str | None:
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return ""
    match = PAGE_QUERY.fullmatch(query)
    return f"p{match.group(1)}" if match else None


def _safe_path(path: str) -> bool:
    parts = path.split("/")
    return (
        path.startswith("/")
        and len(path.encode()) <= MAX_PATH_BYTES
        and "\x00" not in path
        and not any(part in (".", "..") for part in parts)
        and "//" not in path
    )


def stem(request: HttpRequest) -> tuple[str, str] | None:
    """``(<scheme>/<host><path>@<query>~<language>~<modes>, language)`` as nginx maps the
    request, or None where nginx would not look (the extension follows from the response)."""
    try:
        host = request.get_host()  # nginx passes the reader's Host header on unchanged
    except DisallowedHost:
        return None
    query, language = _query_token(request), _language_token(request)
    if (
        not HOST.fullmatch(host)
        or query is None
        or language is None
        or not _safe_path(request.path)
        or COUNTED_PATHS.match(request.path)
        or FEDERATED.search(request.META.get("HTTP_ACCEPT", ""))
    ):
        return None
    modes = ("s" if SAVE_DATA.fullmatch(request.META.get("HTTP_SAVE_DATA", "")) else "") + (
        "l" if request.COOKIES.get("light") == "1" else ""
    )
    return f"{request.scheme}/{host}{request.path}@{query}~{language}~{modes}", language


def file_name(request: HttpRequest, response: HttpResponse) -> str | None:
    """``<stem>.<ext>``, or None if nginx won't look.

    A page is written only for a language token that is the one it was rendered in ("x", no
    preference, is whatever the default gave): then every request nginx maps to this name
    gets what the app would have rendered for it.
    """
    found = stem(request)
    extension = EXTENSIONS.get(response.get("Content-Type", "").split(";")[0].strip())
    if found is None or extension is None:
        return None
    name, language = found
    if language != "x" and language != getattr(request, "LANGUAGE_CODE", ""):
        return None
    return f"{name}.{extension}"


def served_headers() -> list[tuple[str, str]]:
    """The headers a page file goes out with, nginx's or the app's (serve.py): the ones the
    app sends with a stored page. Onion-Location depends on the host, so it is not here."""
    headers = [
        ("Cache-Control", "public, max-age=0, must-revalidate"),
        ("Vary", "Accept-Encoding, Cookie, Save-Data, Accept-Language"),
        ("Content-Security-Policy", default_policy()),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", settings.SECURE_REFERRER_POLICY),
        ("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
        ("X-Page-Cache", "file"),
    ]
    if settings.SECURE_HSTS_SECONDS:
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        value += "; includeSubDomains" if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS else ""
        value += "; preload" if settings.SECURE_HSTS_PRELOAD else ""
        headers.append(("Strict-Transport-Security", value))
    return headers


# --- Generations of the whole directory --------------------------------------------------


def _current(base: Path) -> Path:
    """The live generation directory, made on first use."""
    link = base / "current"
    if not link.exists():
        _switch(base)
    return link.resolve()


def _switch(base: Path) -> Path | None:
    """Point ``current`` at a new empty generation; return the old one's path."""
    base.mkdir(parents=True, exist_ok=True)
    link = base / "current"
    old = link.resolve() if link.exists() else None
    name = f"gen-{int(time.time())}-{secrets.token_hex(4)}"
    (base / name / "pages").mkdir(parents=True)
    (base / name / "deps").mkdir()
    temporary = base / f".{name}.link"
    temporary.symlink_to(name)
    os.replace(temporary, link)  # atomic: nginx sees the old tree or the new one
    return old


def clear() -> None:
    """Empty the cache at once (new network settings, a new release)."""
    base = root()
    if base is None:
        return
    old = _switch(base)
    for stale in base.glob("gen-*"):
        if stale != (base / "current").resolve() and (old is None or stale == old):
            shutil.rmtree(stale, ignore_errors=True)


# --- Writing and purging -----------------------------------------------------------------


def _dep_dir(generation: Path, dep: str) -> Path:
    return generation / "deps" / dep.replace("/", "_")


def _atomic_write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def write(name: str, body: bytes, deps: list[str]) -> Path | None:
    """Store *body* under *name* (three files: plain, .gz, .br), linked from each dep."""
    base = root()
    if base is None:
        return None
    generation = _current(base)
    page = generation / "pages" / name
    relative = os.path.relpath(page, generation / "deps" / "x")
    link_name = hashlib.sha256(name.encode()).hexdigest()[:32]
    for dep in deps:
        folder = _dep_dir(generation, dep)
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            (folder / link_name).symlink_to(relative)
    page.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(page.with_name(page.name + ".gz"), gzip.compress(body, 6, mtime=0))
    _atomic_write(page.with_name(page.name + ".br"), brotli.compress(body, quality=9))
    _atomic_write(page, body)
    return page


def remove(page: Path) -> None:
    for suffix in ("", ".gz", ".br"):
        with contextlib.suppress(FileNotFoundError):
            page.with_name(page.name + suffix).unlink()


def purge(*deps: str) -> int:
    """Unlink every file that depends on any of *deps*; how many pages went."""
    base = root()
    if base is None or not (base / "current").exists():
        return 0
    generation = (base / "current").resolve()
    removed = 0
    for dep in deps:
        folder = _dep_dir(generation, dep)
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        for entry in entries:
            target = (folder / os.readlink(entry.path)).resolve()
            remove(target)
            removed += 1
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
    return removed


def expire(max_age: int = MAX_AGE_SECONDS) -> int:
    """Remove page files older than *max_age* seconds (links to them are dropped by purge)."""
    base = root()
    if base is None or not (base / "current").exists():
        return 0
    pages = (base / "current").resolve() / "pages"
    cutoff = time.time() - max_age
    removed = 0
    for folder, _dirs, names in os.walk(pages):
        for name in names:
            path = Path(folder) / name
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
    return removed


# --- The page's own policy, where nginx sends the network's -------------------------------

HEAD = re.compile(rb"<head[^>]*>", re.IGNORECASE)


def _directives(policy: str) -> list[str]:
    return sorted(part.strip() for part in policy.split(";") if part.strip())


def default_policy() -> str:
    """The network's policy, its directives sorted (django-csp's order varies by process)."""
    from csp.utils import build_policy

    return "; ".join(_directives(build_policy()))


def with_page_policy(response: HttpResponse) -> bytes | None:
    """The body to write: nginx sends the default Content-Security-Policy with every file, so
    a page with a stricter one (post pages: no script at all) carries it in a ``<meta>`` too —
    a browser enforces both, which is the stricter. None if that cannot be done."""
    body = response.content
    policy = response.get("Content-Security-Policy", "")
    if not policy or _directives(policy) == _directives(default_policy()):
        return body
    head = HEAD.search(body)
    if head is None or '"' in policy:
        return None
    # frame-ancestors is ignored in a <meta> policy; the header nginx sends carries it.
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'.encode()
    return body[: head.end()] + meta + body[head.end() :]
