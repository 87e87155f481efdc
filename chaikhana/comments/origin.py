"""Whether a guest's comment was sent from our own page, by the headers browsers add to a POST.

A guest's comment POST carries no CSRF token: the post page is cached and shared by every
guest, so it cannot hold one (comments/views/public.py). Without a check, any site could make
a visitor's browser post a comment from her address and plant the comment's edit cookie.
Browsers say where a request comes from: Fetch Metadata's ``Sec-Fetch-Site`` (every current
browser, Tor Browser included), and before it ``Origin`` on every POST. We trust the first
that is present. With neither (browsers from before 2020), the comment is accepted: refusing
would lock those readers out, and the spam engine's honeypot and signed timing token still
stand between a forged form and the blog.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def _our_hosts(request: HttpRequest, blog_name: str | None) -> set[str]:
    """The host names a comment form of this blog is served from."""
    hosts = {urlsplit("//" + request.get_host()).hostname or ""}  # lower case, no port
    if settings.ONION_HOST:
        hosts.add(settings.ONION_HOST)
    if blog_name and settings.BLOG_HOST_MODE == "subdomain" and settings.BLOG_DOMAIN:
        hosts.add(f"{blog_name}.{settings.BLOG_DOMAIN}".lower())
        if settings.ONION_HOST:
            hosts.add(f"{blog_name}.{settings.ONION_HOST}")
    return hosts


def sent_from_our_page(request: HttpRequest, *, blog_name: str | None) -> bool:
    """True for a POST made by a form on our own page (or by a browser too old to say)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"  # not "same-site": another blog's host is another site
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    host = urlsplit(origin).hostname  # None for "null" (sandboxed frames, data: pages)
    return host is not None and host.lower() in _our_hosts(request, blog_name)
