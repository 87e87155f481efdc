"""The doors a blog's pages advertise to apps: RSD and Open Live Writer's manifest for desktop
editors, Micropub and its IndieAuth server for phone apps, the JSON API's OpenAPI document for
scripts — as <link>s in the head and HTTP Link headers.

blogs' templates load the ``porting_doors`` tag library by name and ``DoorLinksMiddleware``
adds the headers; blogs' Python never imports porting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from chaikhana.core.urls import absolute_url


class Door(NamedTuple):
    rel: str
    href: str
    type: str = ""


def _network(request: HttpRequest, name: str) -> str:
    """An address on the network's host (a blog's own host serves none of these)."""
    if getattr(request, "urlconf", None):
        return absolute_url(reverse(name, urlconf="chaikhana.urls"))
    return request.build_absolute_uri(reverse(name))


def blog_doors(request: HttpRequest, blog_name: str) -> list[Door]:
    """The <link>s of blog *blog_name*'s pages, as absolute addresses."""
    urlconf = getattr(request, "urlconf", None)
    kwargs = {} if urlconf else {"blog": blog_name}
    try:
        xmlrpc = reverse("blogs:xmlrpc", urlconf=urlconf, kwargs=kwargs)
        manifest = reverse("blogs:wlwmanifest", urlconf=urlconf, kwargs=kwargs)
    except NoReverseMatch:
        return []
    doors = [
        Door("EditURI", request.build_absolute_uri(xmlrpc) + "?rsd", "application/rsd+xml"),
        # Open Live Writer's manifest (porting/api/wlw.py).
        Door("wlwmanifest", request.build_absolute_uri(manifest), "application/wlwmanifest+xml"),
    ]
    for rel, name in EXTRA_DOORS:
        doors.append(Door(rel, _network(request, name)))
    return doors


# (rel, URL name on the network's host): Micropub, its IndieAuth server, the JSON API.
EXTRA_DOORS: list[tuple[str, str]] = [
    ("micropub", "micropub"),
    ("indieauth-metadata", "indieauth:metadata"),
    # The older discovery, still read by many Micropub apps.
    ("authorization_endpoint", "indieauth:authorize"),
    ("token_endpoint", "indieauth:token"),
    # RFC 8631: the JSON API's OpenAPI document, from which a script can build its client.
    ("service-desc", "api-v1:openapi-json"),
]


def blog_page_name(request: HttpRequest) -> str | None:
    """The blog whose public page answered *request*, else None."""
    match = request.resolver_match
    if match is None:  # answered from the page cache before URL resolution
        try:
            match = resolve(request.path_info, urlconf=getattr(request, "urlconf", None))
        except Resolver404:
            return None
    if match.namespace != "blogs" or match.url_name in ("xmlrpc", "webmention"):
        return None
    name = match.kwargs.get("blog") or getattr(request, "blog_name", None)
    return name if isinstance(name, str) else None


class DoorLinksMiddleware:
    """HTTP Link headers with the doors on every public blog page (IndieAuth §4.1 reads
    the headers first, then the HTML)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        name = blog_page_name(request)
        if name is None:
            return response
        links = [f'<{d.href}>; rel="{d.rel}"' for d in blog_doors(request, name) if not d.type]
        if links:
            existing = response.headers.get("Link")
            joined = ", ".join(links)
            response.headers["Link"] = f"{existing}, {joined}" if existing else joined
        return response
