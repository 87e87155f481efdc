"""Content negotiation on post pages and blog homes: ``Accept: application/activity+json``
(or ld+json with the ActivityStreams profile) gets the Article or the actor, not the page.

It sits outside the page cache, so a JSON answer is never stored under a page's key and a
stored page is never given to a server that asked for JSON; pages say ``Vary: Accept`` for
caches further out (nginx, browsers). The pages' ``<link rel=alternate>`` comes from our
template tags (templatetags/federation.py), so a stored page carries it without a query.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers

from chaikhana.blogs.models import Post
from chaikhana.federation import objects
from chaikhana.federation.actors import blog_json
from chaikhana.federation.views import (
    _blog_or_error,
    activity_json,
    is_public_post_page,
    refuse_unsigned,
)


def wants_activity_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "").lower()
    return "application/activity+json" in accept or (
        "application/ld+json" in accept and "activitystreams" in accept
    )


def _page(request: HttpRequest) -> tuple[str, str, str] | None:
    """(view, blog name, slug) of a blog home or post page, else None."""
    try:
        match = resolve(request.path_info, urlconf=getattr(request, "urlconf", None))
    except Resolver404:
        return None
    if match.view_name not in ("blogs:post", "blogs:home"):
        return None
    name = match.kwargs.get("blog") or getattr(request, "blog_name", None) or ""
    return match.view_name, name, match.kwargs.get("slug", "")


def _post(name: str, slug: str) -> Post | None:
    post = Post.objects.select_related("blog").filter(blog__name=name, slug=slug).first()
    return post if post is not None and is_public_post_page(post) else None


def _json_answer(view: str, name: str, slug: str) -> HttpResponse | None:
    if view == "blogs:home":
        blog = _blog_or_error(name)
        if isinstance(blog, HttpResponse):  # 410 for a suspended blog; else the page
            return blog if blog.status_code == 410 else None
        return activity_json(blog_json(blog))
    post = _post(name, slug)
    return activity_json(objects.article(post)) if post is not None else None


def _json_or_refusal(request: HttpRequest, page: tuple[str, str, str]) -> HttpResponse | None:
    view, name, slug = page
    if view == "blogs:post" and (refused := refuse_unsigned(request)) is not None:
        return refused
    return _json_answer(view, name, slug)


class ActivityStreamsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        page = _page(request) if request.method in ("GET", "HEAD") else None
        if page is not None and wants_activity_json(request):
            answer = _json_or_refusal(request, page)
            if answer is not None:
                return answer
        response = self.get_response(request)
        if page is not None:
            patch_vary_headers(response, ["Accept"])
        return response
