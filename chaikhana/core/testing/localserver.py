"""A real HTTP server on 127.0.0.1 for tests that talk to "remote" sites (no mocks).

    with LocalServer() as server:
        server.route("/page", body=b"<p>hi</p>", headers=[("Content-Type", "text/html")])
        fetch(server.url("/page"))
        assert server.requests[0].path == "/page"

A route is either a canned answer (status, headers, body) or a function taking the
handler (for slow servers, redirects computed per request, recording form posts).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Canned:
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.owner.requests.append(
            Recorded(self.command, self.path, dict(self.headers.items()), body)
        )
        route = self.server.owner.routes.get(self.path.split("?")[0])
        if route is None:
            route = self.server.owner.routes.get(self.path, Canned(404, body=b"not found"))
        if callable(route):
            route(self)
            return
        self.send_response(route.status)
        for name, value in route.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(route.body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(route.body)

    do_GET = do_POST = do_HEAD = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LocalServer

    def verify_request(self, request: Any, client_address: Any) -> bool:
        self.owner.connections += 1
        return True


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Canned | Callable[[BaseHTTPRequestHandler], None]] = {}
        self.requests: list[Recorded] = []
        self.connections = 0
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(
        self,
        path: str,
        *,
        status: int = 200,
        headers: list[tuple[str, str]] | None = None,
        body: bytes | str = b"",
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Canned(status, list(headers or []), data)

    def html(self, path: str, body: str, headers: list[tuple[str, str]] | None = None) -> None:
        self.route(
            path,
            headers=[("Content-Type", "text/html; charset=utf-8"), *(headers or [])],
            body=body,
        )

    def __enter__(self) -> LocalServer:
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
