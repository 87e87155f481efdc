"""The app shell's navigation links (core/app_base.html), each marked when it is where you are."""

from __future__ import annotations

from django import template
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


def _current(request: HttpRequest | None, href: str, names: str) -> str:
    """aria-current: "page" on the link's own page, "true" in its section, else empty."""
    if request is None:
        return ""
    if href.split("?")[0] == request.path and "?" not in href:
        return "page"
    match = request.resolver_match
    return "true" if match is not None and match.view_name in names.split() else ""


@register.simple_tag(takes_context=True)
def app_link(context: template.Context, href: str, label: str, names: str = "") -> SafeString:
    """A link to *href*; *names* are the view names ("writing:posts …") of its section."""
    current = _current(context.get("request"), href, names)
    if current:
        return format_html('<a href="{}" aria-current="{}">{}</a>', href, current, label)
    return format_html('<a href="{}">{}</a>', href, label)
