"""A missing page inside a blog stays in the blog: its header, its theme, its search."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chaikhana.blogs.access import access_blog
from chaikhana.blogs.models import Blog
from chaikhana.blogs.themes import theme_of
from chaikhana.core import error_pages

# /@name/… in path mode (the converter in chaikhana/urls.py).
BLOG_PATH = re.compile(r"^/@([a-z0-9][a-z0-9-]*)/")


def _blog_of(request: HttpRequest) -> Blog | None:
    """The blog the address is inside, if this reader may know it exists."""
    match = BLOG_PATH.match(request.path)
    name = getattr(request, "blog_name", None) or (match.group(1) if match else None)
    if not name:
        return None
    user = request.user if request.user.is_authenticated else None
    try:
        blog, _membership = access_blog(user, name)
    except (Http404, PermissionDenied):  # unknown, private or suspended: the network's page
        return None
    return blog


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler404: the blog's own 404 inside a blog, the network's elsewhere."""
    try:
        blog = _blog_of(request)
    except Exception:  # the database may be what failed: the network's page copes with that
        blog = None
    if blog is None:
        return error_pages.page_not_found(request, exception)
    context = error_pages.error_context(
        request,
        404,
        _("Page not found"),
        _(
            "There is nothing at this address in this blog. The link may be mistyped,"
            " or the post may have moved."
        ),
    ) | {"blog": blog, "theme": theme_of(blog), "search_url": blog.url("blogs:search")}
    return error_pages.render_error(request, context, template="blogs/404.html")
