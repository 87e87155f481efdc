"""``{% blog_switcher blog %}``: the app shell's switcher between the blogs a person writes for."""

from __future__ import annotations

from typing import Any

from django import template

from chaikhana.writing import queries

register = template.Library()


@register.inclusion_tag("writing/_blog_switcher.html", takes_context=True)
def blog_switcher(context: template.Context, blog: Any = None) -> dict[str, Any]:
    """One query: the person's blogs, the current one first in the summary."""
    request = context["request"]
    return {"blog": blog, "memberships": list(queries.my_memberships(request.user))}
