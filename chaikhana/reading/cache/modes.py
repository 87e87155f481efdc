"""How a reader wants pages: Save-Data (her browser's header) and light mode (her choice).

Both change the HTML, so both are part of the page cache's key and of ``Vary``.
"""

from __future__ import annotations

from django.http import HttpRequest

LIGHT_COOKIE = "light"
LIGHT_PARAM = "format"


def wants_save_data(request: HttpRequest) -> bool:
    """``Save-Data: on`` (Client Hints draft §4.1; only the token ``on`` is defined)."""
    return request.headers.get("Save-Data", "").strip().lower() == "on"


def light_choice(request: HttpRequest) -> bool | None:
    """What this request asks for with ``?format=light|full``; None when it asks nothing."""
    value = request.GET.get(LIGHT_PARAM, "")
    return {"light": True, "full": False}.get(value)


def wants_light(request: HttpRequest) -> bool:
    """Light mode: asked for now, or remembered in the ``light`` cookie."""
    choice = light_choice(request)
    if choice is not None:
        return choice
    return request.COOKIES.get(LIGHT_COOKIE) == "1"


def annotate(request: HttpRequest) -> None:
    """Put both modes on the request, where templates read them (``request.light_mode``)."""
    request.light_mode = wants_light(request)  # type: ignore[attr-defined]
    request.save_data = wants_save_data(request)  # type: ignore[attr-defined]
    # Either way images become links: Save-Data and light mode share that rendering.
    request.images_as_links = request.light_mode or request.save_data  # type: ignore[attr-defined]
