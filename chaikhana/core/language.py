"""Choose the interface language with a plain link or GET form: no CSRF token on the page.

Django's ``set_language`` wants a POST with a CSRF token, and a token on every page would set
a cookie on every page and keep them all out of the anonymous page cache (reading/cache).
Changing only the language cookie and redirecting within the network is harmless enough for
a GET: the worst a foreign page can do is switch a reader's interface language.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from chaikhana.core.network_settings import offered_languages


def _safe_next(request: HttpRequest, url: str) -> str:
    """*url* if it stays on this host or, in subdomain mode, on one of the network's blogs."""
    hosts = {request.get_host()}
    host = (urlsplit(url).hostname or "").lower()
    if settings.BLOG_DOMAIN and host.endswith("." + settings.BLOG_DOMAIN.lower()):
        hosts.add(urlsplit(url).netloc)
    secure = request.is_secure()
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=hosts, require_https=secure):
        return url
    return "/"


@never_cache
@require_GET
def choose_language(request: HttpRequest) -> HttpResponse:
    """``/i18n/language/?language=ky&next=/@blog/``: remember the choice, go back."""
    response = HttpResponseRedirect(_safe_next(request, request.GET.get("next", "")))
    language = request.GET.get("language", "")
    if language in offered_languages() and check_for_language(language):
        set_language_cookie(response, language)
    return response


def set_language_cookie(response: HttpResponse, language: str) -> None:
    """Remember *language* as Django's set_language does; an empty one forgets the choice."""
    if not language:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
        )
        return
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
