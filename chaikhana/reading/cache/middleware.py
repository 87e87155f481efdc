"""PageCacheMiddleware: anonymous readers get stored pages; everyone gets the right headers.

Sits last in MIDDLEWARE (after authentication, language and blog host), inside
ConditionalGetMiddleware, which turns a stored or fresh page into a 304 when the reader's
ETag or date still matches.

A page is stored only when a reader without a session gets a 200 for a GET of a page named
in keys.PAGE_DEPENDENCIES, and the response sets no cookie (a cookie is someone's own).
Its entry keeps the generations of its dependencies read *before* rendering, so a change
committed while it rendered makes it stale at once (invalidation.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date

from chaikhana.comments.identity import COOKIE as OWN_COMMENTS_COOKIE
from chaikhana.reading.cache import files, invalidation, keys, modes
from chaikhana.reading.cache.invalidation import CACHE_ERRORS

logger = logging.getLogger(__name__)

# A backstop for anything that changes a page without a signal; exact invalidation does
# the real work, so a long life costs nothing.
PAGE_TTL = 24 * 60 * 60
DEPS_TTL = 30 * 24 * 60 * 60
# Other query parameters (trackers, cache-busting junk) are rendered, never stored, so no
# one can fill the cache with variants of one page.
CACHED_PARAMS = frozenset({"page", modes.LIGHT_PARAM})
LIGHT_COOKIE_AGE = 365 * 24 * 60 * 60
# Cookies that make a page this reader's own: her messages, and a guest's comments, which she
# sees while they wait for approval (comments/identity.py). With one, the page is rendered
# for her: never served from the cache, never stored, private.
PERSONAL_COOKIES = ("messages", OWN_COMMENTS_COOKIE)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        modes.annotate(request)
        if not _may_use_cache(request):
            return _finish(request, self.get_response(request))
        page_key, deps_key = keys.variant_key(request), keys.url_key(request)
        try:
            found = cache.get_many([page_key, deps_key])
            entry, known = found.get(page_key), found.get(deps_key)
            if entry is not None and _is_fresh(entry):
                return _finish(request, _from_entry(entry))
            gens = invalidation.ensure(known) if known else None
        except CACHE_ERRORS:
            # The cache is a speed-up: when it is down, readers still get pages.
            logger.exception("page cache unavailable")
            return _finish(request, self.get_response(request))
        response = self.get_response(request)
        _store(request, response, page_key, (deps_key, known), gens)
        return _finish(request, response)


def _store(
    request: HttpRequest,
    response: HttpResponse,
    page_key: str,
    known: tuple[str, list[str] | None],
    gens: dict[str, int] | None,
) -> None:
    """Keep the page under the generations read before it rendered, or learn its deps."""
    if not _may_store(request, response):
        return
    deps = keys.dependencies(request, response)
    if deps is None:
        return
    _prepare_public(response)
    deps_key, known_deps = known
    try:
        if deps != known_deps or gens is None or len(gens) != len(deps):
            # First visit (or the URL now shows something else): learn what it depends
            # on; the next visit stores it under generations read in time.
            cache.set(deps_key, deps, DEPS_TTL)
        else:
            cache.set(page_key, _to_entry(response, gens), PAGE_TTL)
            _write_file(request, response, deps, gens)
    except CACHE_ERRORS:
        logger.exception("page cache unavailable")


def _write_file(
    request: HttpRequest, response: HttpResponse, deps: list[str], gens: dict[str, int]
) -> None:
    """The same page as a file nginx serves (files.py), unless a change raced the render."""
    name = files.file_name(request, response) if files.enabled() else None
    body = files.with_page_policy(response) if name else None
    if name is None or body is None:
        return
    try:
        page = files.write(name, body, deps)
    except OSError:
        logger.exception("could not write page file %s", name)
        return
    # Linked, then written, then checked: a bump between render and here unlinks it (a bump
    # increments before it lists the links, so one of the two always sees the other).
    if page is not None and invalidation.current(deps) != gens:
        files.remove(page)


def _may_use_cache(request: HttpRequest) -> bool:
    """Anonymous reads only: no session (so no messages, no user) and known parameters."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or _is_personal(request):
        return False
    if not set(request.GET).issubset(CACHED_PARAMS):
        return False
    return not request.user.is_authenticated


def _is_personal(request: HttpRequest) -> bool:
    return any(name in request.COOKIES for name in PERSONAL_COOKIES)


def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not _sets_cookie(request, response)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _is_fresh(entry: dict[str, Any]) -> bool:
    gens: dict[str, int] = entry["gens"]
    return invalidation.current(list(gens)) == gens


def _to_entry(response: HttpResponse, gens: dict[str, int]) -> dict[str, Any]:
    return {"content": response.content, "headers": list(response.headers.items()), "gens": gens}


def _from_entry(entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    response._from_page_cache = True  # type: ignore[attr-defined]  # keeps its validators
    return response


def _is_stored_copy(response: HttpResponse) -> bool:
    return getattr(response, "_from_page_cache", False)


def _prepare_public(response: HttpResponse) -> None:
    """Validators a browser revalidates with: the ETag of the body, and as Last-Modified
    the time this version was made. Never the view's own (syndication and sitemaps give the
    newest item's date): deleting the newest post would move it back, and a reader sending
    only If-Modified-Since would get a wrong 304."""
    response.headers["Last-Modified"] = http_date(timezone.now().timestamp())
    set_response_etag(response)


def _is_public_page(request: HttpRequest) -> bool:
    match = request.resolver_match
    return bool(match and match.view_name in keys.PAGE_DEPENDENCIES)


def _finish(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Cache-Control, Vary and the light-mode cookie, on stored and fresh pages alike."""
    user = getattr(request, "user", None)
    if (user is not None and user.is_authenticated) or _is_personal(request):
        # Her pages show her name and forms: for her browser only, checked every time.
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    elif _is_public_page(request) and response.status_code in (200, 304):
        if response.status_code == 200 and not _is_stored_copy(response):
            _prepare_public(response)
        # max-age=0 + must-revalidate: pages change whenever a writer publishes, and a
        # revalidation answered with 304 costs a few hundred bytes (PRODUCT.md: 3G readers).
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ["Save-Data", "Cookie"])
    if _sets_cookie(request, response):
        patch_cache_control(response, private=True)
    _set_light_cookie(request, response)
    return response


def _sets_cookie(request: HttpRequest, response: HttpResponse) -> bool:
    """Will this response carry a cookie, ours or one set further out?

    CsrfViewMiddleware adds its cookie after us, when the page used a token
    (CSRF_COOKIE_NEEDS_UPDATE). Such a page holds one reader's token: storing it would hand
    her token to everyone and break their forms.
    """
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or _wants_new_light_cookie(request)
    )


def _wants_new_light_cookie(request: HttpRequest) -> bool:
    choice = modes.light_choice(request)
    has = request.COOKIES.get(modes.LIGHT_COOKIE) == "1"
    return choice is not None and choice != has


def _set_light_cookie(request: HttpRequest, response: HttpResponse) -> None:
    """``?format=light`` is remembered for the reader's next pages; ``?format=full`` forgets."""
    if not _wants_new_light_cookie(request):
        return
    domain = settings.SESSION_COOKIE_DOMAIN  # the whole network in subdomain mode
    if modes.light_choice(request):
        response.set_cookie(
            modes.LIGHT_COOKIE,
            "1",
            max_age=LIGHT_COOKIE_AGE,
            domain=domain,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(modes.LIGHT_COOKIE, domain=domain, samesite="Lax")
