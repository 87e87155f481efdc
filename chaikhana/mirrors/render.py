"""Rendering the live site as an anonymous reader, in process, through the whole middleware
stack (so pages come out exactly as a stranger's browser gets them, page cache included).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import QueryDict
from django.test import Client
from django.utils.translation import gettext as _

from chaikhana.mirrors.scope import Target, host_for
from chaikhana.reading.cache import keys

# Crawlers say who they are; the portal's reading figures leave us out (portal/figures).
USER_AGENT = "chaikhana-mirror"


class RenderError(Exception):
    """A page the mirror needs answered with an error: nothing is published."""


@dataclass
class Rendered:
    status: int
    body: bytes
    location: str = ""
    deps: list[str] | None = None


class Renderer:
    def __init__(self, live: str) -> None:
        parts = urlsplit(live)
        self.client = Client(
            HTTP_HOST=parts.netloc, HTTP_USER_AGENT=USER_AGENT, raise_request_exception=False
        )
        self.secure = parts.scheme == "https"

    def get(self, target: Target) -> Rendered:
        if target.kind == "media":
            return self._media(target)
        path, _sep, query = target.url.partition("?")
        host, path = host_for(path)
        headers = {"host": host} if host else None
        response = self.client.get(path, QueryDict(query), secure=self.secure, headers=headers)
        if response.status_code >= 500:
            raise RenderError(
                _("%(url)s answered %(status)d: nothing was published.")
                % {"url": target.url, "status": response.status_code}
            )
        body = (
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if response.streaming
            else response.content
        )
        deps = self._deps(response) if target.kind in ("page", "feed") else None
        return Rendered(response.status_code, body, response.headers.get("Location", ""), deps)

    @staticmethod
    def _deps(response: Any) -> list[str] | None:
        """What the page depends on: as the page cache learnt it, else asked the same way."""
        request = response.wsgi_request
        if response.status_code != 200:
            return None
        return cache.get(keys.url_key(request)) or keys.dependencies(request, response)

    def _media(self, target: Target) -> Rendered:
        name = target.file.removeprefix("media/")
        try:
            with default_storage.open(name) as handle:
                return Rendered(200, handle.read())
        except (FileNotFoundError, OSError):
            return Rendered(404, b"")
