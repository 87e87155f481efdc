"""The one HTTP client for URLs that come from outside (pingbacks, webmentions, feeds, imports).

Every hop is checked *after* DNS resolution and the connection goes to the checked address
(the hostname still travels in the Host header and in TLS SNI and certificate checks), so a
name that resolves to a private address, or re-resolves to one between check and use (DNS
rebinding), is never reached. Bodies are capped after decompression, redirects are counted
and re-checked, and one total deadline bounds the whole fetch, even against a server that
drips one byte a second.

Ports: 80 and 443 only, for either scheme; any port on loopback when
``SAFEHTTP_ALLOW_LOOPBACK`` is on (tests, and a laptop talking to itself). That setting
admits 127.0.0.0/8 and ::1 and nothing else.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.response import BaseHTTPResponse

VERSION = "0.1.0"  # pyproject.toml's [project] version
MAX_BYTES = 1024 * 1024
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
DEADLINE = 20.0  # seconds for the whole fetch, every redirect hop included
MAX_REDIRECTS = 3
ALLOWED_PORTS = {80, 443}
_CHUNK = 16 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}


class SafeHTTPError(Exception):
    """Base of everything fetch() raises."""


class UnsafeURL(SafeHTTPError):
    """The URL (or a redirect) is not one we may fetch: scheme, port or address refused."""


class FetchError(SafeHTTPError):
    """The fetch failed: connection, timeout, protocol error."""


class TooLarge(FetchError):
    """The body (after decompression) exceeds the cap."""


class TooManyRedirects(FetchError):
    """More redirects than allowed (a loop, or a chain too long)."""


@dataclass(frozen=True)
class SafeResponse:
    url: str  # the final URL, after redirects
    status: int
    headers: Mapping[str, str] = field(repr=False)  # case-insensitive; see header_values()
    body: bytes = field(repr=False)
    _all_headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    def header_values(self, name: str) -> list[str]:
        """Every value of header *name* (case-insensitive), in order: Link may repeat."""
        wanted = name.lower()
        return [value for key, value in self._all_headers if key.lower() == wanted]

    @property
    def content_type(self) -> str:
        return self._parsed_content_type().get_content_type()

    @property
    def encoding(self) -> str | None:
        charset = self._parsed_content_type().get_param("charset")
        return charset if isinstance(charset, str) else None

    @property
    def text(self) -> str:
        """The body decoded with the declared charset, else UTF-8; bad bytes replaced."""
        try:
            return self.body.decode(self.encoding or "utf-8", errors="replace")
        except LookupError:  # an unknown charset name from the server
            return self.body.decode("utf-8", errors="replace")

    def _parsed_content_type(self) -> Message:
        message = Message()
        message["content-type"] = self.headers.get("content-type", "application/octet-stream")
        return message


def _setting(name: str, default: object) -> object:
    """This module's tunables, read in one place (settings.py need not define them)."""
    return getattr(settings, name, default)


def user_agent() -> str:
    """Who is asking, and where to read about it: receivers' logs show this."""
    host = str(settings.BLOG_DOMAIN or (settings.ALLOWED_HOSTS or ["localhost"])[0])
    return f"Chaikhana/{VERSION} (+https://{host.lstrip('.')}/)"


def resolve(host: str, port: int) -> list[str]:
    """The addresses *host* resolves to. Tests patch this (it is the DNS, outside the process)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host}: {error}") from error
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _allow_loopback() -> bool:
    return bool(_setting("SAFEHTTP_ALLOW_LOOPBACK", False))


def check_address(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The address if we may connect to it; UnsafeURL otherwise."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and (ip.ipv4_mapped or ip.sixtofour or ip.teredo):
        # An IPv4 address dressed as IPv6 could smuggle 127.0.0.1 or 10/8 past the checks.
        raise UnsafeURL(f"refused address {ip}: IPv4 inside IPv6")
    if ip.is_loopback and _allow_loopback():
        return ip
    # is_global is False for RFC 1918, loopback, link-local, CGNAT (100.64/10), ULA, and
    # more; multicast, reserved and unspecified can still be "global", so ask for each.
    if not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        raise UnsafeURL(f"refused address {ip}: not a public address")
    return ip


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def check_url(url: str) -> _Target:
    """Parse *url*, resolve its host and check scheme, port and every address; pin one."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise UnsafeURL(f"not a valid URL: {url!r}") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeURL(f"only http and https URLs may be fetched: {url!r}")
    if parts.username or parts.password:
        raise UnsafeURL("URLs with credentials are refused")
    port = port or (443 if parts.scheme == "https" else 80)
    addresses = [check_address(a) for a in resolve(parts.hostname, port)]
    if not addresses:
        raise FetchError(f"{parts.hostname} has no address")
    # Every address was checked: a name with one public and one private record is refused.
    if port not in ALLOWED_PORTS and not all(ip.is_loopback for ip in addresses):
        raise UnsafeURL(f"port {port} is refused; only 80 and 443")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Target(parts.scheme, parts.hostname, port, path, str(addresses[0]))


def fetch(
    url: str,
    *,
    method: str = "GET",
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = DEADLINE,
    max_redirects: int = MAX_REDIRECTS,
) -> SafeResponse:
    """Fetch *url* safely; follow up to *max_redirects* redirects, each checked again.

    Raises UnsafeURL before any connection for a refused URL, FetchError (TooLarge,
    TooManyRedirects) for failures. Any status code is returned, not raised.
    """
    deadline = time.monotonic() + timeout
    for _hop in range(max_redirects + 1):
        target = check_url(url)
        response = _request(target, method, data, headers or {}, max_bytes, deadline, url)
        location = response.headers.get("location")
        if response.status not in _REDIRECTS or not location:
            return response
        url = urljoin(url, location.strip())
        if response.status == 303 or (response.status in (301, 302) and method == "POST"):
            method, data = "GET", None  # RFC 9110 §15.4: what browsers do
    raise TooManyRedirects(f"more than {max_redirects} redirects")


def _connection(target: _Target, timeout: float) -> HTTPConnection:
    if target.scheme == "https":
        # Connect to the checked address; SNI and the certificate check use the name.
        return HTTPSConnection(
            target.address,
            target.port,
            timeout=timeout,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
        )
    return HTTPConnection(target.address, target.port, timeout=timeout)


def _request(
    target: _Target,
    method: str,
    data: bytes | None,
    extra_headers: Mapping[str, str],
    max_bytes: int,
    deadline: float,
    url: str,
) -> SafeResponse:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError("deadline passed")
    conn = _connection(target, min(CONNECT_TIMEOUT, remaining))
    # A server dripping a byte a second never trips a per-read timeout; the watchdog
    # shuts the socket at the deadline so every read after it returns at once.
    watchdog = threading.Timer(remaining, _shut, args=(conn,))
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.connect()
        if conn.sock is not None:
            conn.sock.settimeout(min(READ_TIMEOUT, remaining))
        headers = {
            "Host": target.host_header,
            "User-Agent": user_agent(),
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
            **extra_headers,
        }
        conn.request(method, target.path, body=data, headers=headers, preload_content=False)
        raw = conn.getresponse()
        body = _read_capped(raw, max_bytes)
        return SafeResponse(
            url=url,
            status=raw.status,
            headers=raw.headers,
            body=body,
            _all_headers=tuple(raw.headers.iteritems()),
        )
    except (OSError, Urllib3Error, ValueError) as error:
        if time.monotonic() >= deadline:
            raise FetchError("the server took too long") from error
        raise FetchError(f"fetch failed: {error}") from error
    finally:
        watchdog.cancel()
        conn.close()


def _shut(conn: HTTPConnection) -> None:
    sock = conn.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _decoder(encoding: str) -> zlib._Decompress | None:
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    if encoding in ("", "identity"):
        return None
    raise FetchError(f"unsupported content encoding {encoding!r}")


def _read_capped(raw: BaseHTTPResponse, max_bytes: int) -> bytes:
    """Read at most *max_bytes* of decoded body; TooLarge past that (a gzip bomb too)."""
    decoder = _decoder(raw.headers.get("content-encoding", ""))
    length = raw.headers.get("content-length", "")
    if decoder is None and length.isdigit() and int(length) > max_bytes:
        raise TooLarge(f"body of {length} bytes exceeds {max_bytes}")
    out = bytearray()
    while chunk := raw.read(_CHUNK, decode_content=False):
        if decoder is None:
            out += chunk
        else:
            # max_length: never inflate more than one byte past the cap, whatever the ratio.
            out += decoder.decompress(chunk, max_bytes + 1 - len(out))
        if len(out) > max_bytes:
            raise TooLarge(f"body exceeds {max_bytes} bytes")
    return bytes(out)
