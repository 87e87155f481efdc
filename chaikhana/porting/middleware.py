"""``/@blog/?p=123`` and ``?page_id=N``: WordPress's plain links to an imported post → 301.

A blog's home ignores its query string; this answers only when the view about to run is the
home, the query names a WordPress id, and an import knows that id — blogs needs no hook.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from chaikhana.blogs.models import Blog
from chaikhana.blogs.views import blog_home
from chaikhana.blogs.views.common import blog_name
from chaikhana.porting.wxr import redirects


class WordPressQueryLinksMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        if view is not blog_home or not ({"p", "page_id"} & set(request.GET)):
            return None
        blog = Blog.objects.filter(
            name=blog_name(request, kwargs.get("blog")), is_active=True
        ).first()
        target = redirects.for_query(blog, request.GET.dict()) if blog is not None else None
        return HttpResponsePermanentRedirect(target) if target else None
