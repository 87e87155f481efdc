"""The network's absolute addresses, for links made without a request: mail, tasks, exports.

A page answering a request uses ``request.build_absolute_uri`` instead, so that a reader on the
onion address or a blog's own host gets links to the host she asked.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """The network's origin from SITE_URL (scheme, host, port), without a trailing slash."""
    return str(settings.SITE_URL).rstrip("/")


def absolute_url(path_or_url: str) -> str:
    """*path_or_url* as an absolute http(s) address on the network.

    Paths (``/@osh/post/``) join SITE_URL; scheme-relative addresses (``//osh.example/p/``,
    what ``Blog.url()`` gives in subdomain mode) take SITE_URL's scheme; full addresses (a
    storage on another host) pass unchanged; a blog's path-form address (``/@osh/p/``, what the
    onion serves) becomes its own host's in subdomain mode.
    """
    if urlsplit(path_or_url).scheme:
        return path_or_url
    if settings.BLOG_HOST_MODE == "subdomain" and path_or_url.startswith("/@"):
        # A blog's page in path form (as on the onion): its own host is the canonical one.
        name, _sep, rest = path_or_url[2:].partition("/")
        path_or_url = f"//{name}.{settings.BLOG_DOMAIN}/{rest}"
    if path_or_url.startswith("//"):
        return f"{urlsplit(site_url()).scheme}:{path_or_url}"
    return f"{site_url()}/{path_or_url.lstrip('/')}"
