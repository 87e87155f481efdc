"""safehttp against real servers on 127.0.0.1; only DNS (safehttp.resolve) is patched."""

import gzip
import time

import pytest

from chaikhana.core import safehttp
from chaikhana.core.safehttp import FetchError, TooLarge, TooManyRedirects, UnsafeURL, fetch
from chaikhana.core.testing.localserver import LocalServer


@pytest.fixture
def server():
    with LocalServer() as local:
        yield local


@pytest.fixture
def loopback(settings):
    settings.SAFEHTTP_ALLOW_LOOPBACK = True


@pytest.fixture
def dns(monkeypatch):
    """A fake DNS: names map to addresses; IP literals resolve to themselves."""
    names: dict[str, list[str]] = {}
    monkeypatch.setattr(safehttp, "resolve", lambda host, port: names.get(host, [host]))
    return names


class FetchTests:
    def test_returns_status_headers_body_and_final_url_when_server_is_local(self, server, loopback):
        server.html("/page", "<p>Салам</p>")
        response = fetch(server.url("/page"))
        assert (response.status, response.url) == (200, server.url("/page"))
        assert response.text == "<p>Салам</p>"
        assert response.content_type == "text/html"

    def test_connects_to_checked_address_but_sends_the_hostname(self, server, loopback, dns):
        dns["blog.example"] = ["127.0.0.1"]
        server.route("/", body=b"ok")
        fetch(f"http://blog.example:{server.port}/")
        sent = server.requests[0].headers
        assert sent["Host"] == f"blog.example:{server.port}"
        assert sent["User-Agent"].startswith("Chaikhana/")

    def test_keeps_repeated_headers_when_server_sends_two(self, server, loopback):
        server.route("/", headers=[("Link", "<a>; rel=x"), ("LinK", "<b>; rel=y")])
        assert fetch(server.url("/")).header_values("link") == ["<a>; rel=x", "<b>; rel=y"]

    def test_decodes_gzip_when_server_compresses(self, server, loopback):
        server.route("/", headers=[("Content-Encoding", "gzip")], body=gzip.compress(b"x" * 500))
        assert fetch(server.url("/")).body == b"x" * 500


class RefusalTests:
    def test_makes_no_connection_when_loopback_is_not_allowed(self, server):
        with pytest.raises(UnsafeURL):
            fetch(server.url("/"))
        assert server.connections == 0

    @pytest.mark.parametrize(
        "address",
        [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "224.0.0.1",
            "240.0.0.1",
            "0.0.0.0",  # noqa: S104 - refused, not bound
            "127.0.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "::",
        ],
    )
    def test_refuses_name_when_it_resolves_to_a_private_address(self, server, dns, address):
        dns["victim.example"] = [address]
        with pytest.raises(UnsafeURL):
            fetch(f"http://victim.example:{server.port}/")
        assert server.connections == 0

    def test_refuses_ipv4_mapped_loopback_even_when_loopback_is_allowed(self, loopback, dns):
        dns["mapped.example"] = ["::ffff:127.0.0.1"]
        with pytest.raises(UnsafeURL):
            fetch("http://mapped.example/")

    def test_refuses_name_when_one_of_its_addresses_is_private(self, dns):
        dns["mixed.example"] = ["93.184.215.14", "10.0.0.1"]
        with pytest.raises(UnsafeURL):
            fetch("http://mixed.example/")

    def test_refuses_other_ports_when_address_is_public(self, dns):
        dns["public.example"] = ["93.184.215.14"]
        with pytest.raises(UnsafeURL, match="port"):
            fetch("http://public.example:8080/")

    @pytest.mark.parametrize(
        "url",
        [
            "ftp://example.com/",
            "file:///etc/passwd",
            "gopher://example.com/",
            "javascript:alert(1)",
            "data:text/html,hi",
            "//example.com/",
            "http:///nohost",
            "http://user:pw@example.com/",
            "http://[::1/",
        ],
    )
    def test_refuses_url_when_it_is_not_plain_http(self, url):
        with pytest.raises(UnsafeURL):
            fetch(url)


class RedirectTests:
    def test_follows_redirect_and_reports_final_url(self, server, loopback):
        server.route("/old", status=301, headers=[("Location", "/new")])
        server.route("/new", body=b"here")
        response = fetch(server.url("/old"))
        assert (response.url, response.body) == (server.url("/new"), b"here")

    def test_refuses_redirect_when_it_leads_to_a_private_address(self, server, loopback, dns):
        dns["internal.example"] = ["10.0.0.7"]
        server.route("/", status=302, headers=[("Location", "http://internal.example/admin")])
        with pytest.raises(UnsafeURL):
            fetch(server.url("/"))
        assert len(server.requests) == 1

    def test_gives_up_when_redirects_loop(self, server, loopback):
        server.route("/a", status=302, headers=[("Location", "/b")])
        server.route("/b", status=302, headers=[("Location", "/a")])
        with pytest.raises(TooManyRedirects):
            fetch(server.url("/a"))
        assert len(server.requests) == 4  # the first request and three redirects

    def test_turns_post_into_get_when_server_answers_303(self, server, loopback):
        server.route("/form", status=303, headers=[("Location", "/done")])
        server.route("/done", body=b"thanks")
        fetch(server.url("/form"), method="POST", data=b"a=1")
        assert [r.method for r in server.requests] == ["POST", "GET"]


def drip(handler):
    """One byte a second, for ever: a per-read timeout never fires."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
    try:
        for _ in range(60):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(1)
    except OSError:
        pass


def endless(handler):
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
    try:
        for _ in range(10_000):
            handler.wfile.write(b"y" * 65536)
    except OSError:
        pass


class LimitTests:
    def test_stops_at_deadline_when_server_drips_bytes(self, server, loopback):
        server.routes["/slow"] = drip
        started = time.monotonic()
        with pytest.raises(FetchError, match="too long"):
            fetch(server.url("/slow"), timeout=2)
        assert time.monotonic() - started < 4

    def test_stops_reading_when_body_passes_the_cap(self, server, loopback):
        server.routes["/huge"] = endless
        with pytest.raises(TooLarge):
            fetch(server.url("/huge"), max_bytes=100_000)

    def test_refuses_at_once_when_content_length_is_over_the_cap(self, server, loopback):
        server.route("/big", body=b"z" * 2000)
        with pytest.raises(TooLarge):
            fetch(server.url("/big"), max_bytes=1000)

    def test_caps_decompressed_size_when_response_is_a_gzip_bomb(self, server, loopback):
        bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
        assert len(bomb) < 100_000
        server.route("/bomb", headers=[("Content-Encoding", "gzip")], body=bomb)
        with pytest.raises(TooLarge):
            fetch(server.url("/bomb"), max_bytes=1_000_000)
