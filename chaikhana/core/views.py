"""Operational endpoints, the network's icons and manifest, and the error pages."""

from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_tasks import default_task_backend

from chaikhana.core import icons
from chaikhana.core.error_pages import error_context, render_error


def _check_database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _check_cache() -> bool:
    cache.set("healthz", "ok", 10)
    return cache.get("healthz") == "ok"


def _check_queue() -> bool:
    # The database queue is reachable when the database is; other backends answer for
    # themselves through their check framework.
    return not list(default_task_backend.check())  # check() may be a generator (RQ)


CHECKS = {"database": _check_database, "cache": _check_cache, "queue": _check_queue}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with {"status": "ok", ...} when database, cache and queue answer; 503 otherwise."""
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "failing"
        except Exception:  # a health check reports, it never raises
            results[name] = "failing"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", **results}, status=200 if healthy else 503
    )


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 403 page, with a link when the refusal names where to go instead."""
    message = str(exception) if exception.args else ""
    context = error_context(request, 403, message or _("You may not open this page."), "") | {
        "way_out": getattr(exception, "way_out", None)
    }
    return render_error(request, context)


DAY = 24 * 3600
YEAR = 365 * DAY


def _icon_response(data: bytes, content_type: str, max_age: int) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={max_age}" + (
        ", immutable" if max_age >= YEAR else ""
    )
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    return _icon_response(icons.favicon(), "image/x-icon", DAY)


def apple_touch_icon(request: HttpRequest) -> HttpResponse:
    return _icon_response(icons.png(icons.APPLE_TOUCH_SIZE), "image/png", DAY)


def app_icon(request: HttpRequest, size: int) -> HttpResponse:
    """An icon the manifest lists: a year in caches when asked for by its current version."""
    if size not in icons.APP_ICON_SIZES:
        raise Http404
    current = request.GET.get("v") == icons.version()
    return _icon_response(icons.png(size), "image/png", YEAR if current else DAY)


def web_manifest(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(
        icons.manifest(),
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = f"public, max-age={DAY}"
    return response
