"""Template helpers for public blog pages: addresses in either host mode, safe custom CSS."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from chaikhana.blogs.models import Blog

register = template.Library()


@register.simple_tag
def blog_url(blog: Blog, viewname: str, **kwargs: object) -> str:
    """``blog.url()`` for templates.

    Lists use this instead of ``category.get_absolute_url`` because that would load each
    term's blog again: one query per link.
    """
    return blog.url(viewname, **kwargs)


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


@register.filter
def style_safe(css: str) -> SafeString:
    """Custom CSS made unable to leave its <style> element.

    The CSS is validated when saved (blogs/customcss.py); this strips every "<" as well,
    because only "</style" can end the element and older rows or imports may predate the
    check. HTML-escaping would instead break selectors such as ``a > b``.
    """
    return mark_safe(str(css or "").replace("<", ""))
