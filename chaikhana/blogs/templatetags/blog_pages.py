"""Template helpers for public blog pages: addresses in either host mode, safe custom CSS."""

from __future__ import annotations

from django import template
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


@register.filter
def style_safe(css: str) -> SafeString:
    """Custom CSS made unable to leave its <style> element.

    The CSS is validated when saved (blogs/customcss.py); this strips every "<" as well,
    because only "</style" can end the element and older rows or imports may predate the
    check. HTML-escaping would instead break selectors such as ``a > b``.
    """
    return mark_safe(str(css or "").replace("<", ""))
