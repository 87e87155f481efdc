"""Which blog or tag of this network an address points at, without fetching anything.

Path mode: ``http(s)://<our host>/@<blog>/…``; subdomain mode: ``<blog>.<BLOG_DOMAIN>/…``;
and the network's tag feeds ``/tag/<slug>/feed/``. Any other address is someone else's:
we never fetch outside URLs from an uploaded file (SSRF).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

BLOG_HOST_URLCONF = "chaikhana.urls_blog_host"


@dataclass(frozen=True)
class Target:
    """A blog to follow (by name) or a tag to follow (by slug)."""

    blog: str = ""
    tag: str = ""


def our_hosts(request_host: str) -> set[str]:
    """The network's own host names (no ports): the one asked, and the blog domain."""
    hosts = {urlsplit(f"//{request_host}").hostname or ""}
    if settings.BLOG_DOMAIN:
        hosts.add(settings.BLOG_DOMAIN.lower())
    return hosts - {""}


def _blog_subdomain(host: str) -> str:
    domain = settings.BLOG_DOMAIN.lower()
    if not domain or not host.endswith("." + domain):
        return ""
    name = host.removesuffix("." + domain)
    return "" if "." in name or name == "www" else name


def target_of(url: str, hosts: set[str]) -> Target | None:
    """What *url* follows on this network, or None when it is not one of ours."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # a malformed port or IPv6 literal
        return None
    if parts.scheme not in {"http", "https"} or not host:
        return None
    subdomain = _blog_subdomain(host)
    if host not in hosts and not subdomain:
        return None
    urlconf = BLOG_HOST_URLCONF if subdomain else settings.ROOT_URLCONF
    try:
        match = resolve(parts.path or "/", urlconf=urlconf)
    except Resolver404:
        return None
    slug = str(match.kwargs.get("slug", ""))
    if match.namespace == "reading" and match.url_name == "tag_feed":
        return Target(tag=slug)
    name = subdomain or str(match.kwargs.get("blog", ""))
    if match.namespace != "blogs" or not name:
        return None
    # A blog's tag page or tag feed follows the tag across the network: tag follows are
    # network-wide (see models.py), the same as the button on that page.
    if (match.url_name or "").startswith("tag") and slug:
        return Target(tag=slug)
    return Target(blog=name)
