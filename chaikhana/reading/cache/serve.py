"""Page files served before Django: the app's twin of nginx's page-file location.

In the ``deploy/`` layout nginx answers a stored page from ``PAGE_FILES_DIR`` by itself
(deploy/nginx/chaikhana-app.conf). Without nginx in front — ``make run``, or a host that puts
gunicorn straight behind a TLS terminator — the same files are answered here, around the whole
Django application: no middleware, no URL resolving, no cache lookup, one ``stat`` and one
read. The request is mapped exactly as nginx maps it (files.stem), so what is served, and when
it stops being served (a purge unlinks the file), is the same in both layouts.

Everything this cannot match — a session or a personal cookie, a method other than GET/HEAD,
a query other than ``page=N``, a page not stored yet — goes to Django unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from email.utils import formatdate
from functools import cached_property
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest

from chaikhana.reading.cache import files
from chaikhana.reading.cache.middleware import PERSONAL_COOKIES

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

# The order nginx's try_files tries them in.
TYPES = (
    ("html", "text/html; charset=utf-8"),
    ("rss", "application/rss+xml; charset=utf-8"),
    ("atom", "application/atom+xml; charset=utf-8"),
    ("xml", "application/xml; charset=utf-8"),
)
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class PageFileApp:
    """WSGI middleware: a stored page file if one fits the request, else the app."""

    def __init__(self, app: WsgiApp, root: Path) -> None:
        self.app, self.root = app, root

    @cached_property
    def headers(self) -> list[tuple[str, str]]:
        return files.served_headers()  # read once: they follow from the settings

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        found = self._find(environ)
        if found is None:
            return self.app(environ, start_response)
        path, content_type, request = found
        accepted = environ.get("HTTP_ACCEPT_ENCODING", "")
        encoding, chosen = _encoded(path, accepted)
        try:
            with open(chosen, "rb") as stored:
                info = os.fstat(stored.fileno())
                body = stored.read()
        except FileNotFoundError:  # purged between the lookup and the read
            return self.app(environ, start_response)
        etag = f'"{info.st_mtime_ns:x}-{info.st_size:x}"'
        headers = [("Content-Type", content_type), ("ETag", etag)]
        headers.append(("Last-Modified", formatdate(info.st_mtime, usegmt=True)))
        headers += self.headers + _onion_location(request)
        if etag in [tag.strip() for tag in environ.get("HTTP_IF_NONE_MATCH", "").split(",")]:
            start_response("304 Not Modified", headers)
            return []
        if encoding:
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _find(self, environ: dict[str, Any]) -> tuple[Path, str, WSGIRequest] | None:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        request = WSGIRequest(environ)
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or any(c in cookies for c in PERSONAL_COOKIES):
            return None
        found = files.stem(request)
        if found is None:
            return None
        base = self.root / "current" / "pages" / found[0]
        for extension, content_type in TYPES:
            path = base.with_name(f"{base.name}.{extension}")
            if path.is_file():
                return path, content_type, request
        return None


def _encoded(path: Path, accepted: str) -> tuple[str, Path]:
    """The pre-compressed copy the reader accepts, as gzip_static/brotli_static choose."""
    for encoding, suffix in ENCODINGS:
        if encoding in accepted:
            candidate = path.with_name(path.name + suffix)
            if candidate.is_file():
                return encoding, candidate
    return "", path


def _onion_location(request: WSGIRequest) -> list[tuple[str, str]]:
    """Tor Browser's "open in onion", as core/onion.py and nginx's map send it."""
    onion = settings.ONION_HOST
    if not onion or request.get_host().endswith(".onion"):
        return []
    return [("Onion-Location", f"http://{onion}{request.get_full_path()}")]


def wrap(app: WsgiApp) -> WsgiApp:
    """The app, with page files in front when this installation writes them."""
    root = files.root()
    return PageFileApp(app, root) if root is not None else app
