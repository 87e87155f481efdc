"""Addresses of the network's own pages, correct from any host (used by base.html)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from chaikhana.core import network_settings

register = template.Library()


@register.simple_tag(takes_context=True)
def network_url(context: template.Context, viewname: str) -> str:
    """A network page (portal, directory, login) from any host.

    On a blog's own host (subdomain mode) the request's URLconf knows only the blog's
    pages, so the address is resolved against the network's and points at its domain.
    """
    path = reverse(viewname, urlconf=settings.ROOT_URLCONF)
    request: HttpRequest | None = context.get("request")
    if request is not None and getattr(request, "blog_name", None):
        return f"//{settings.BLOG_DOMAIN}{path}"
    return path


@register.simple_tag
def offered_languages() -> list[dict[str, object]]:
    """The language switcher's choices: the languages the network's staff offer."""
    return [translation.get_language_info(code) for code in network_settings.offered_languages()]
