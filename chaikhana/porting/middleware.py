"""``/@blog/?p=123`` and ``?page_id=N``: WordPress's plain links to an imported post → 301.

A blog's home ignores its query string; this answers only when the view about to run is the
home, the query names a WordPress id, an import knows that id, and the reader may open both
the blog and the post (else the home answers as for any unknown id) — blogs needs no hook.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from chaikhana.blogs.views import blog_home
from chaikhana.blogs.views.common import reader_blog
from chaikhana.porting.access import readable_posts
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
        try:
            blog, membership = reader_blog(request, kwargs.get("blog"))
        except (Http404, PermissionDenied):
            return None  # the home itself answers 404 / 403 for a hidden or suspended blog
        posts = readable_posts(request, blog, membership)
        target = redirects.for_query(blog, posts, request.GET.dict())
        return HttpResponsePermanentRedirect(target) if target else None
