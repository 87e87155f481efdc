"""What every public blog page shares: finding the blog, paging a list, rendering."""

from __future__ import annotations

from typing import Any

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from chaikhana.blogs import permissions
from chaikhana.blogs.access import access_blog, membership_of
from chaikhana.blogs.models import Blog, Membership
from chaikhana.blogs.themes import THEMES, Theme, look_of

PREVIEW_PARAM = "preview_theme"


def blog_name(request: HttpRequest, blog: str | None) -> str:
    """The blog a request is for: from the path (/@name/) or, in subdomain mode, the host."""
    name = blog or getattr(request, "blog_name", None)
    if not name:
        raise Http404(_("There is no blog at this address."))
    return name


def reader_blog(request: HttpRequest, blog: str | None) -> tuple[Blog, Membership | None]:
    """The blog this reader may see, and her membership of it (404 for a hidden blog)."""
    user = request.user if request.user.is_authenticated else None
    return access_blog(user, blog_name(request, blog))


def paginate(request: HttpRequest, items: QuerySet[Any], per_page: int) -> Page:
    """The ?page=N of *items*; a page that is not a number or past the end is a 404."""
    paginator = Paginator(items, max(per_page, 1))
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(_("There is no such page.")) from error


def wants_less_data(request: HttpRequest) -> bool:
    """The reader's browser asks to save data (``Save-Data: on``): leave out cover images."""
    return request.headers.get("Save-Data", "").strip().lower() == "on"


def render_blog_page(
    request: HttpRequest, template: str, blog: Blog, context: dict[str, Any]
) -> HttpResponse:
    """Render one of a blog's pages with its theme; the answer varies with Save-Data."""
    preview = previewed_theme(request, blog)
    base = {
        "blog": blog,
        "theme": look_of(blog, preview),
        "previewing": preview,
        "save_data": wants_less_data(request),
    }
    # A TemplateResponse: the page cache (reading) learns from its context which blog and
    # post the page shows, without this app knowing the cache exists.
    response = TemplateResponse(request, template, base | context)
    patch_vary_headers(response, ["Save-Data"])
    if preview is not None:
        add_never_cache_headers(response)  # her preview, never a reader's page
    return response


def previewed_theme(request: HttpRequest, blog: Blog) -> Theme | None:
    """The theme the blog's owner asked to try (``?preview_theme=``); None for anyone else."""
    key = request.GET.get(PREVIEW_PARAM)
    if key not in THEMES or not request.user.is_authenticated:
        return None
    if not permissions.can_manage_blog(membership_of(request.user, blog)):
        return None
    return THEMES[key]
