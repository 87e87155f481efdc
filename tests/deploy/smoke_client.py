"""The smoke test's reader and writer: real HTTP through nginx (TLS) to two gunicorns.

Run by tests/deploy/smoke.sh with the ports it started; exits non-zero on the first
failed check. Standard library only (http.client, ssl), so what is tested is the wire.
"""

from __future__ import annotations

import argparse
import gzip
import html
import http.client
import json
import re
import ssl
import sys
import time
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode

HOST = "chaikhana.test"


class Failed(Exception):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise Failed(message)
    print(f"  ok  {message}")


class Response:
    def __init__(self, raw: http.client.HTTPResponse) -> None:
        self.status = raw.status
        self.headers = raw.headers
        self.raw_body = raw.read()
        encoding = raw.headers.get("Content-Encoding", "")
        self.body = gzip.decompress(self.raw_body) if encoding == "gzip" else self.raw_body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


class Client:
    """One browser: a cookie jar, a scheme, a port, a Host header."""

    def __init__(self, port: int, *, tls: ssl.SSLContext | None, host: str = HOST) -> None:
        self.port, self.tls, self.host = port, tls, host
        self.cookies: dict[str, str] = {}

    @property
    def origin(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def request(
        self, method: str, path: str, *, headers: dict[str, str] | None = None, body: str = ""
    ) -> Response:
        if self.tls:
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, timeout=30, context=self.tls
            )
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"{self.host}:{self.port}", "User-Agent": "chaikhana-smoke"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        try:
            conn.request(method, path, body=body.encode() if body else None, headers=sent)
            response = Response(conn.getresponse())
        finally:
            conn.close()
        for line in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(line).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path: str, **headers: str) -> Response:
        return self.request(
            "GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()}
        )

    def post_form(self, path: str, fields: dict[str, str]) -> Response:
        return self.request(
            "POST",
            path,
            body=urlencode(fields),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.origin + path,
                "Origin": self.origin,
            },
        )


def form_fields(page: str, action_contains: str = "") -> dict[str, str]:
    """The default values of the first <form method=post> (inputs, textareas, selects)."""
    for form in re.findall(r"<form\b[^>]*method=\"post\"[^>]*>.*?</form>", page, re.S | re.I):
        head = form[: form.index(">")]
        if action_contains not in head:
            continue
        fields: dict[str, str] = {}
        for tag in re.findall(r"<input\b[^>]*>", form, re.I):
            name = re.search(r'name="([^"]+)"', tag)
            kind = (re.search(r'type="([^"]+)"', tag) or [None, "text"])[1]
            if not name or kind in ("submit", "button", "file"):
                continue
            if kind in ("checkbox", "radio") and "checked" not in tag:
                continue
            value = re.search(r'value="([^"]*)"', tag)
            fields[name[1]] = html.unescape(value[1]) if value else ""
        for name, value in re.findall(
            r'<textarea\b[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S | re.I
        ):
            fields[name] = html.unescape(value)
        for name, options in re.findall(
            r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S | re.I
        ):
            values = re.findall(r'<option\b[^>]*value="([^"]*)"[^>]*>', options)
            chosen = re.search(r'<option\b[^>]*value="([^"]*)"[^>]*\bselected\b', options)
            if chosen or values:
                fields[name] = html.unescape(chosen[1] if chosen else values[0])
        return fields
    raise Failed(f"no POST form ({action_contains!r}) on the page")


def app_requests(logs: list[str]) -> int:
    """How many requests the gunicorns have logged so far."""
    return sum(len(open(path, "rb").read().splitlines()) for path in logs)


def page_files(args: argparse.Namespace, tls: ssl.SSLContext) -> None:
    """A stored page is a file nginx sends alone (reading/cache/files.py): the gunicorns'
    access logs do not grow, and the reader gets the app's headers, compressed either way."""
    print("stored pages as files: nginx answers without the app")
    reader = Client(args.https, tls=tls)
    reader.get("/@demo/")  # the app learns what the page depends on
    stored = reader.get("/@demo/")  # ... and stores it, as an entry and as a file
    check("X-Page-Cache" not in stored.headers, "the first two visits are the app's")
    time.sleep(0.5)  # gunicorn logs a request just after answering it
    before = app_requests(args.app_logs)
    served = reader.get("/@demo/", Accept_Encoding="gzip")
    check(served.header("X-Page-Cache") == "file", "the third visit is a file")
    check(served.text == stored.text, "the file is the page the app rendered")
    check(served.header("Content-Encoding") == "gzip", "sent pre-compressed (gzip)")
    br = reader.get("/@demo/", Accept_Encoding="br")
    check(br.header("Content-Encoding") == "br", "sent pre-compressed (brotli)")
    check(served.header("Content-Type") == "text/html; charset=utf-8", "as text/html, utf-8")
    same_as_app = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")
    for name in (*same_as_app, "Strict-Transport-Security", "Onion-Location", "Cache-Control"):
        same = sorted(served.header(name).split("; ")) == sorted(stored.header(name).split("; "))
        differs = "" if same else f": {served.header(name)!r} vs {stored.header(name)!r}"
        check(same, f"{name} as the app sends it{differs}")
    etag = served.header("ETag")
    again = reader.get("/@demo/", If_None_Match=etag, Accept_Encoding="gzip")
    check(etag and again.status == 304, "revalidation answered 304 by nginx")
    time.sleep(0.5)
    after = app_requests(args.app_logs)
    check(after == before, f"no request reached gunicorn ({after - before} did)")
    signed_in = Client(args.https, tls=tls)
    signed_in.cookies["sessionid"] = "not-a-session"
    check(
        "X-Page-Cache" not in signed_in.get("/@demo/").headers,
        "a reader with a session cookie is the app's",
    )
    time.sleep(0.5)
    check(app_requests(args.app_logs) > after, "... and reached gunicorn")


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("https", "http", "onion-port", "a", "b"):
        parser.add_argument(f"--{name}", type=int, required=True)
    parser.add_argument("--onion", required=True)
    parser.add_argument("--cafile", required=True)
    parser.add_argument("--search-wait", type=float, default=30)
    parser.add_argument("--app-logs", nargs="+", required=True, help="gunicorns' access logs")
    args = parser.parse_args()

    tls = ssl.create_default_context(cafile=args.cafile)
    tls.check_hostname = False  # the certificate is for chaikhana.test; we dial 127.0.0.1
    reader = Client(args.https, tls=tls)

    print("reading through nginx (https)")
    home = reader.get("/", Accept_Encoding="gzip")
    check(home.status == 200, "portal 200")
    check(home.header("Content-Type").startswith("text/html"), "portal is text/html")
    check(home.header("Content-Encoding") == "gzip", "HTML gzipped when asked")
    check("max-age=" in home.header("Strict-Transport-Security"), "HSTS header on https")
    check(home.header("Onion-Location") == f"http://{args.onion}/", "Onion-Location header")
    check("Set-Cookie" not in home.headers, "an anonymous reader gets no cookie")
    external = r'(?:src|<link[^>]*href)="(?:https?:)?//(?!' + re.escape(HOST) + ")"
    outside = re.findall(external, home.text)
    check(not outside, "the portal loads nothing from a third party")
    directory = reader.get("/blogs/")
    check(directory.status == 200 and "text/html" in directory.header("Content-Type"), "directory")
    blog_path = re.search(r'href="(/@[a-z0-9-]+/)"', directory.text)
    check(blog_path, "the directory links to a blog")
    blog = reader.get(blog_path[1])
    check(blog.status == 200, f"blog {blog_path[1]} 200")
    not_posts = "(?!(?:feed|atom|page|category|tag|author|archive|search)/)"
    post_path = re.search(rf'href="({re.escape(blog_path[1])}{not_posts}[a-z0-9-]+/)"', blog.text)
    check(post_path, "the blog links to a post")
    post = reader.get(post_path[1])
    check(post.status == 200 and "<article" in post.text, f"post {post_path[1]} 200")
    # A page without a form (a form's CSRF token makes every rendering differ).
    etag = blog.header("ETag")
    again = reader.get(blog_path[1], If_None_Match=etag)
    check(etag and again.status == 304, f"ETag revalidation through nginx: {again.status}")
    page_files(args, tls)
    feed = reader.get("/feed/")
    check(feed.status == 200 and "rss+xml" in feed.header("Content-Type"), "network feed (RSS)")
    check(f"https://{HOST}:{args.https}/@" in feed.text, "feed links use the host asked")

    css = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home.text)
    check(css, "the portal links a fingerprinted stylesheet")
    static = reader.get(css[1], Accept_Encoding="gzip")
    check(static.status == 200 and "text/css" in static.header("Content-Type"), "stylesheet 200")
    check(
        static.header("Cache-Control") == "public, max-age=31536000, immutable",
        "fingerprinted static file: immutable for a year",
    )
    check(static.header("Content-Encoding") == "gzip", "static file sent pre-compressed")
    health = reader.get("/healthz")
    check(health.status == 200 and json.loads(health.body)["status"] == "ok", "/healthz ok")
    check(reader.get("/metrics").status == 404, "/metrics through nginx: 404")
    direct = Client(args.a, tls=None, host="127.0.0.1")
    metrics = direct.get("/metrics")
    check(
        metrics.status == 200 and "django_http_requests_total" in metrics.text,
        "/metrics on the gunicorn port from loopback: 200",
    )
    check("chaikhana_tasks_pending" in metrics.text, "queue depth gauge exported")

    plain = Client(args.http, tls=None)
    redirect = plain.get("/blogs/")
    location = redirect.header("Location")
    check(redirect.status == 301 and location == f"https://{HOST}/blogs/", "http → https redirect")
    onion = Client(args.onion_port, tls=None, host=args.onion)
    over_tor = onion.get("/")
    check(over_tor.status == 200, "the onion host answers over plain http (no redirect)")
    check("Onion-Location" not in over_tor.headers, "no Onion-Location on the onion itself")
    onion_feed = onion.get("/feed/")
    check(
        f"http://{args.onion}:{args.onion_port}/@" in onion_feed.text,
        "feed read over the onion links to the onion",
    )

    print("writing: log in through nginx, recognised on both instances")
    writer = Client(args.https, tls=tls)
    login_page = writer.get("/accounts/login/")
    fields = form_fields(login_page.text)
    fields.update(username="demo", password="demo-password")  # noqa: S106 - the demo's
    logged_in = writer.post_form("/accounts/login/", fields)
    check(logged_in.status == 302 and "sessionid" in writer.cookies, "login: 302 and a session")
    check("secure" in logged_in.header("Set-Cookie").lower(), "session cookie is Secure")
    for name, port in (("A", args.a), ("B", args.b)):
        instance = Client(port, tls=None)
        instance.cookies = dict(writer.cookies)
        seen = instance.get("/dashboard/", X_Forwarded_Proto="https")
        check(seen.status == 200 and "demo" in seen.text, f"instance {name} knows the session")
        stranger = Client(port, tls=None).get("/dashboard/", X_Forwarded_Proto="https")
        check(stranger.status == 302, f"instance {name} sends a stranger to log in")

    word = "smoke" + uuid.uuid4().hex[:10]
    title = f"Smoke test {word}"
    editor = writer.get("/dashboard/@demo/posts/new/")
    check(editor.status == 200, "editor 200")
    fields = form_fields(editor.text, 'id="editor"')
    fields.update(
        title=title,
        body_source=f"Written by the smoke test: {word} travels through nginx.",
        status="published",
        save="1",
    )
    fields.pop("preview", None)
    saved = writer.post_form("/dashboard/@demo/posts/new/", fields)
    errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', saved.text, re.S)
    check(saved.status == 302, f"editor POST: 302 (got {saved.status} {errors})")
    anonymous = Client(args.https, tls=tls)
    on_blog = anonymous.get("/@demo/")
    check(title in on_blog.text, "the new post is on the blog for an anonymous reader")

    deadline = time.monotonic() + args.search_wait
    started = time.monotonic()
    while True:
        found = anonymous.get("/search/?" + urlencode({"q": word}))
        # The result links to the post (its title is highlighted, so match the address).
        if re.search(rf'href="/@demo/[^"]*{word}[^"]*/"', found.text):
            break
        if time.monotonic() > deadline:
            raise Failed(f"search did not find {word} within {args.search_wait}s")
        time.sleep(0.5)
    took = time.monotonic() - started
    check(True, f"the RQ worker indexed the post: search finds it ({took:.1f}s)")


if __name__ == "__main__":
    try:
        main()
    except Failed as error:
        print(f"FAIL {error}", file=sys.stderr)
        sys.exit(1)
