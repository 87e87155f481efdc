"""A person's browser, reduced to what the drills need: cookies, forms read from the page
as a browser reads them, and posts (urlencoded or multipart) over a new loopback connection."""

from __future__ import annotations

import http.client
import secrets
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit


class _Forms(HTMLParser):
    """Every <form> on a page: its action and its fields' values, as a browser would send."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "id": a.get("id", ""), "fields": {}})
        elif not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file", "image"):
                fields[name] = a.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and ("selected" in a):
            fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


@dataclass
class Browser:
    base: str
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cookies.setdefault("csrftoken", secrets.token_hex(16))

    def _request(self, method: str, path: str, body: bytes | None, headers: dict, timeout: float):
        parts = urlsplit(urljoin(self.base, path))
        if parts.hostname != "127.0.0.1":
            raise ValueError("drills only talk to 127.0.0.1")
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        try:
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            conn.request(method, target, body=body, headers={"Cookie": cookie, **headers})
            resp = conn.getresponse()
            return resp.status, dict(resp.getheaders()), resp.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def get(self, path: str, timeout: float = 30) -> tuple[int, dict, str]:
        return self._request("GET", path, None, {}, timeout)

    def post(
        self, path: str, data: dict, files: dict | None = None, timeout: float = 30
    ) -> tuple[int, dict, str]:
        data = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}
        if not files:
            body = urlencode(data, doseq=True).encode()
            kind = "application/x-www-form-urlencoded"
        else:
            body, kind = _multipart(data, files)
        return self._request("POST", path, body, {"Content-Type": kind}, timeout)

    def form(self, path: str, match) -> dict:  # type: ignore[no-untyped-def]
        """The first form on *path* for which match(form) holds, with its action resolved."""
        status, _, html = self.get(path)
        if status != 200:
            raise AssertionError(f"GET {path}: {status}")
        for found in forms_of(html):
            if match(found):
                found["action"] = urljoin(path, found["action"] or path)
                return found
        raise AssertionError(f"no matching form on {path}")


def _multipart(data: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = bytearray()
    for name, value in data.items():
        for one in value if isinstance(value, list) else [value]:
            out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            out += str(one).encode() + b"\r\n"
    for name, (filename, content, ctype) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"'
        )
        out += f"{head}\r\nContent-Type: {ctype}\r\n\r\n".encode() + content + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"
