"""The error pages: 400, 404, 410, 500 and a refused form (CSRF), in the reader's language.

Each says what happened in plain words and offers a way on: a search, the front page, and,
inside a blog, the blog's home (blogs.views.errors keeps a blog's 404 in its theme). The
language is the one LocaleMiddleware chose for the request (cookie, then Accept-Language).

The 500 page is drawn from a template with no request and no context processor: it must show
when the database or the cache is what failed. When the database is what failed (restarting,
unreachable), the reader gets the 503 page instead: "back in a moment", with Retry-After, so
neither she nor a crawler takes the outage for a broken page (docs/operations.md). The others
use the site's layout, but fall back to that same static page if drawing the layout fails, so
an error page never becomes a 500 itself.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from chaikhana.core.models import DEFAULT_THEME_COLOR

logger = logging.getLogger(__name__)

# Seconds a reader (or a crawler) is asked to wait when the database is away.
RETRY_AFTER_SECONDS = 10
# What a database that is restarting or unreachable raises; a bad query raises other
# DatabaseErrors (IntegrityError, ProgrammingError), which stay 500s.
DATABASE_AWAY: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def _network_page(viewname: str, request: HttpRequest) -> str:
    """A network page's address, from the network's host or a blog's own (subdomain mode)."""
    path = reverse(viewname, urlconf=settings.ROOT_URLCONF)
    return f"//{settings.BLOG_DOMAIN}{path}" if getattr(request, "blog_name", None) else path


def error_context(
    request: HttpRequest, status: int, heading: str, explanation: str
) -> dict[str, Any]:
    """What core/_error.html shows; blogs adds its own search and home."""
    return {
        "status": status,
        "heading": heading,
        "explanation": explanation,
        "search_url": _network_page("search", request),
        "front_url": _network_page("portal:home", request),
    }


def render_error(
    request: HttpRequest, context: dict[str, Any], *, template: str = "core/error.html"
) -> HttpResponse:
    status = int(context["status"])
    try:
        body = loader.render_to_string(template, context, request)
    except Exception:  # the layout needs the database and the cache: one may be what failed
        logger.exception("The %s page could not be drawn in the site's layout", status)
        return static_error_page(status)
    return HttpResponse(body, status=status)


def static_error_page(status: int = 500) -> HttpResponse:
    """The page that needs nothing but templates and translations."""
    context = {
        "status": status,
        "network_name": settings.NETWORK_NAME,
        "theme_color": DEFAULT_THEME_COLOR,
    }
    body: str
    try:
        body = loader.render_to_string("500.html", context)
    except Exception:  # even a template can fail (a broken deploy): plain words then
        logger.exception("The static error page could not be drawn")
        body = "Server error"
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    heading = _("The request could not be understood")
    explanation = _("Check the address, or go back and try again.")
    return render_error(request, error_context(request, 400, heading, explanation))


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    heading = _("Page not found")
    explanation = _(
        "There is nothing at this address. The link may be mistyped, or the page may have moved."
    )
    return render_error(request, error_context(request, 404, heading, explanation))


def server_error(request: HttpRequest) -> HttpResponse:
    if isinstance(sys.exception(), DATABASE_AWAY):
        return unavailable_page(request)
    return static_error_page(500)


def unavailable_page(request: HttpRequest) -> HttpResponse:
    """503 "back in a moment", in the reader's language (cookie, then Accept-Language), drawn
    without the database; the middleware that chose the language may not have run."""
    language = translation.get_language_from_request(request)
    context = {"network_name": settings.NETWORK_NAME, "theme_color": DEFAULT_THEME_COLOR}
    body: str
    with translation.override(language):
        try:
            body = loader.render_to_string("503.html", context)
        except Exception:
            logger.exception("The 503 page could not be drawn")
            body = "Service unavailable"
        response = HttpResponse(body, status=503)
        response["Content-Language"] = language
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused by the CSRF check (settings.CSRF_FAILURE_VIEW)."""
    heading = _("This form could not be sent")
    explanation = _(
        "The page may have been open for a long time, or your browser may refuse this"
        " site's cookies. Go back, reload the page and send the form again; copy your text"
        " first if it is long."
    )
    return render_error(request, error_context(request, 403, heading, explanation))
