"""Template helpers for public blog pages: addresses in either host mode, safe custom CSS."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe

from chaikhana.blogs.customcss import validate_custom_css
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
    """Custom CSS made unable to leave its <style> element, or nothing if it fails the check.

    The CSS is validated when saved (blogs/customcss.py); rows saved before a stricter check
    (or by an import) are checked again here, once per distinct text, and left out if they
    fail. Every "<" is stripped as well, because only "</style" can end the element.
    HTML-escaping would instead break selectors such as ``a > b``.
    """
    text = str(css or "")
    return mark_safe(text.replace("<", "") if _passes_check(text.replace("<", "")) else "")


@lru_cache(maxsize=512)
def _passes_check(css: str) -> bool:
    try:
        validate_custom_css(css)
    except ValidationError:
        return False
    return True
