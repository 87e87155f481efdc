"""``{{ post|body:request }}`` and ``{% filter images:request %}``: core.bodies in templates."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from chaikhana.core.bodies import apply_body_transforms

register = template.Library()


@register.filter
def body(post: Any, request: HttpRequest | None = None) -> SafeString:
    """The post's sanitised body with every registered transform applied."""
    # body_html was sanitised at save time and transforms only emit escaped markup.
    return mark_safe(apply_body_transforms(post.body_html, request=request, post=post))


@register.filter
def images(html: str, request: HttpRequest | None = None) -> SafeString:
    """A fragment of our own markup (list cards) through the same transforms, without a post."""
    return mark_safe(apply_body_transforms(str(html), request=request, post=None))
