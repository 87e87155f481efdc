"""``{% blog_doors blog %}``: the doors of a blog's pages as <link>s (porting/doors.py).

blogs' base template loads this library by name; blogs' Python never imports porting.
"""

from __future__ import annotations

from typing import Any

from django import template

from chaikhana.blogs.models import Blog
from chaikhana.porting import doors

register = template.Library()


@register.inclusion_tag("porting/_doors.html", takes_context=True)
def blog_doors(context: dict[str, Any], blog: Blog) -> dict[str, Any]:
    request = context.get("request")
    return {"doors": doors.blog_doors(request, blog.name) if request is not None else []}
